import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffMs, capRows, normalizeEvent, streamUrl, summarize } from '../src/lib/events.js';
import { currentYear, fmtTime, runPercent } from '../src/lib/format.js';
import { filenameOf, messageFor, query } from '../src/lib/api.js';

test('a stream frame: a PlatformEvent whose event is the envelope', () => {
  const e = normalizeEvent({ id: 'activity.events-0:12', event: 'ticket.created', data: JSON.stringify({
    id: 'activity.events-0:12', topic: 'activity.events', type: 'ticket.created', team: null, leadUnit: null,
    receivedAt: '2026-12-01T05:00:01Z', event: { eventId: 'e1', type: 'ticket.created', occurredAt: '2026-12-01T05:00:00Z',
      payload: { ticketId: 't1', externalId: 'X-1', region: '杭州市' } } }) });
  assert.deepEqual([e.type, e.id, e.key, e.team, e.time], ['ticket.created', 'activity.events-0:12', 'e1', null,
    '2026-12-01T05:00:01Z']);
  assert.match(summarize(e.payload), /externalId=X-1 · region=杭州市/);
});

test('team and lead unit as the gateway names them; data that is not JSON keeps the frame type', () => {
  const e = normalizeEvent({ event: 'message', data: JSON.stringify({ id: 'p', topic: 'registration.events',
    type: 'team.activated', team: 'T', leadUnit: 'L', receivedAt: '2026-01-01T00:00:00Z', event: { payload: { name: '团' } } }) });
  assert.deepEqual([e.type, e.team, e.leadUnit, e.id], ['team.activated', 'T', 'L', 'p']);
  assert.equal(normalizeEvent({ event: 'x', data: 'not json' }).type, 'x');
});

test('summary is cut to length', () => {
  assert.ok(summarize({ reason: 'x'.repeat(500) }, 50).length <= 50);
  assert.equal(summarize(null), '');
});

test('rows are capped, newest first kept', () => {
  const { rows, dropped } = capRows([5, 4, 3, 2, 1], 3);
  assert.deepEqual(rows, [5, 4, 3]);
  assert.equal(dropped, 2);
});

test('stream URL and backoff', () => {
  assert.equal(streamUrl('/s', { type: 'ticket.*', team: '', leadUnit: ' ' }), '/s?type=ticket.*');
  assert.equal(backoffMs(1, () => 0), 1000);
  assert.equal(backoffMs(3, () => 0), 4000);
  assert.equal(backoffMs(30, () => 0), 30000);
});

test('times in Asia/Shanghai; year; run percent', () => {
  assert.equal(fmtTime('2026-12-31T16:30:00Z'), '2027-01-01 00:30:00');
  assert.equal(fmtTime(null), '—');
  assert.equal(currentYear(new Date('2026-12-31T16:30:00Z')), 2027);
  assert.equal(runPercent({ state: 'RUNNING', processed: 1, total: 3 }), 33);
  assert.equal(runPercent({ state: 'DONE', processed: 0, total: 0 }), 100);
  assert.equal(runPercent({ state: 'RUNNING', processed: 0, total: 0 }), 0);
});

test('problems become Chinese messages', () => {
  assert.equal(messageFor(403, { detail: '只有审查员可以认领' }), '无权限：只有审查员可以认领');
  assert.equal(messageFor(404, null), '不存在');
  assert.equal(messageFor(401, { detail: 'x' }), '登录已失效，请重新登录');
  assert.equal(messageFor(400, { detail: '请求有误', errors: [{ field: 'reason', message: '不能为空' }] }),
    '请求有误（reason：不能为空）');
  assert.equal(messageFor(500, {}), '服务暂时不可用（500），请稍后再试');
  assert.equal(query({ a: 1, b: '', c: null, d: 'x y' }), '?a=1&d=x+y');
  assert.equal(filenameOf('attachment; filename="lead-units-2026.csv"'), 'lead-units-2026.csv');
  assert.equal(filenameOf("attachment; filename*=UTF-8''%E6%8E%92%E5%90%8D.csv"), '排名.csv');
});
