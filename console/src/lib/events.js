// Reading the platform's events: the stream's data and the list's items are both a PlatformEvent ({id, topic, type,
// team, leadUnit, receivedAt, event}, the event being the envelope as published); they come out as one row shape.

export function normalizeEvent(message) {
  let data;
  try {
    data = JSON.parse(message.data);
  } catch {
    data = { raw: message.data };
  }
  const envelope = data?.event && typeof data.event === 'object' ? data.event : {};
  const payload = envelope.payload && typeof envelope.payload === 'object' ? envelope.payload : {};
  const type = data?.type ?? envelope.type ?? (message.event !== 'message' ? message.event : '未知');
  return {
    id: message.id ?? data?.id,
    key: envelope.eventId ?? message.id ?? `${type}-${Math.random()}`,
    type,
    team: data?.team ?? null,
    leadUnit: data?.leadUnit ?? null,
    time: data?.receivedAt ?? envelope.occurredAt ?? null,
    payload,
    json: data,
  };
}

const SUMMARY_FIRST = ['projectName', 'name', 'teamName', 'applicationName', 'externalId', 'status', 'from', 'to',
  'grade', 'reason', 'industryField', 'region', 'overdue', 'year'];

function scalar(v) {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

/** A one-line summary of a payload: the telling fields first, `key=value`, at most `max` characters. */
export function summarize(payload, max = 140) {
  if (!payload || typeof payload !== 'object') return '';
  const keys = Object.keys(payload).filter((k) => scalar(payload[k]) && payload[k] !== null && payload[k] !== '');
  const ordered = [...SUMMARY_FIRST.filter((k) => keys.includes(k)),
    ...keys.filter((k) => !SUMMARY_FIRST.includes(k) && !/Id$|^id$|^at$/.test(k))];
  const text = ordered.map((k) => `${k}=${payload[k]}`).join(' · ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Keeps the newest `limit` rows (newest first); returns the rows kept and how many were dropped. */
export function capRows(rows, limit) {
  if (rows.length <= limit) return { rows, dropped: 0 };
  return { rows: rows.slice(0, limit), dropped: rows.length - limit };
}

/** The stream URL for a filter (empty fields left out). */
export function streamUrl(base, { type, team, leadUnit } = {}) {
  const q = new URLSearchParams();
  if (type?.trim()) q.set('type', type.trim());
  if (team?.trim()) q.set('team', team.trim());
  if (leadUnit?.trim()) q.set('leadUnit', leadUnit.trim());
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

/** Backoff before reconnect attempt `n` (1, 2, …): 1 s doubling to 30 s, with up to 20 % jitter. */
export function backoffMs(n, random = Math.random) {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, n - 1));
  return Math.round(base * (1 + 0.2 * random()));
}
