import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { LightElement } from './base.js';
import { EventStream } from '../lib/stream.js';
import { capRows, normalizeEvent, streamUrl, summarize } from '../lib/events.js';
import { fmtTime } from '../lib/format.js';
import { messageFor } from '../lib/api.js';

const LIMIT = 500;
const STATE_LABELS = {
  idle: '未连接', connecting: '连接中', connected: '已连接', reconnecting: '重连中', paused: '已暂停', stopped: '已停止',
};

class EventsView extends LightElement {
  static properties = {
    ctx: { attribute: false },
    rows: { state: true },
    state: { state: true },
    stateDetail: { state: true },
    dropped: { state: true },
    filter: { state: true },
    received: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.rows = [];
    this.state = 'idle';
    this.stateDetail = '';
    this.dropped = 0;
    this.received = 0;
    this.filter = { type: '', team: '', leadUnit: '' };
    this.error = null;
    this.stream = null;
    this.projects = new Map(); // ticketId → projectName (ticket events carry no project name)
    this.lookups = 0;
    this.queue = [];
  }

  connectedCallback() {
    super.connectedCallback();
    this.#start();
  }

  disconnectedCallback() {
    this.stream?.stop();
    this.stream = null;
    super.disconnectedCallback();
  }

  #start() {
    this.stream?.stop();
    this.error = null;
    this.stream = new EventStream({
      url: streamUrl('/api/v1/events/stream', this.filter),
      token: () => this.ctx.session.token,
      onState: (state, detail) => {
        this.state = state;
        this.stateDetail = detail ?? '';
      },
      onMessage: (m) => this.#add(this.#row(m)),
      onMarker: (info) => this.#add(this.#marker(info)),
      onFatal: (status, problem) => {
        if (status === 401) {
          this.ctx.session.signOut('登录已失效，请重新登录');
          return;
        }
        this.error = messageFor(status, problem);
      },
    });
    this.stream.start();
  }

  #row(message) {
    const e = normalizeEvent(message);
    this.received++;
    const row = { kind: 'event', ...e, key: `${e.key}#${this.received}`, summary: summarize(e.payload) };
    this.#project(row);
    return row;
  }

  #marker(info) {
    const at = new Date().toISOString();
    if (info.kind === 'gap') {
      return { kind: 'gap', key: `gap-${at}-${Math.random()}`, time: at, text: `有事件在读取前已被网关缓冲区丢弃，可通过事件列表（GET /api/v1/events）补读。服务器说明：${info.detail}` };
    }
    if (info.kind === 'resumed') {
      return { kind: 'resume', key: `res-${at}-${Math.random()}`, time: at, text: `已从断点续接（自 ${info.lastId} 之后）` };
    }
    return { kind: 'resume', key: `res-${at}-${Math.random()}`, time: at,
      text: `已从断点续接（按时间，自 ${fmtTime(info.since)} 起；此前未收到带编号的事件）` };
  }

  #add(row) {
    const { rows, dropped } = capRows([row, ...this.rows], LIMIT);
    this.rows = rows;
    this.dropped += dropped;
  }

  /** ticket.* events name the ticket, not its project: look each name up once (four at a time, the newest first). */
  #project(row) {
    const id = row.payload?.ticketId;
    if (!id || !String(row.type).startsWith('ticket.')) return;
    if (this.projects.has(id)) {
      row.project = this.projects.get(id) ?? undefined;
      return;
    }
    this.projects.set(id, null);
    this.queue.unshift(id);
    this.queue.length = Math.min(this.queue.length, 50);
    this.#pump();
  }

  async #pump() {
    while (this.lookups < 4 && this.queue.length && this.isConnected) {
      const id = this.queue.shift();
      this.lookups++;
      this.ctx.api.get(`/api/v1/tickets/${encodeURIComponent(id)}`)
        .then((t) => {
          this.projects.set(id, t.projectName);
          this.rows = this.rows.map((r) => (r.payload?.ticketId === id ? { ...r, project: t.projectName } : r));
        })
        .catch(() => this.projects.delete(id))
        .finally(() => {
          this.lookups--;
          this.#pump();
        });
    }
  }

  #applyFilter(e) {
    e.preventDefault();
    const f = new FormData(e.target);
    this.filter = { type: f.get('type') ?? '', team: f.get('team') ?? '', leadUnit: f.get('leadUnit') ?? '' };
    this.rows = [];
    this.dropped = 0;
    this.received = 0;
    this.#start();
  }

  #pause() {
    this.stream?.pause();
  }

  #resume() {
    this.stream?.start();
  }

  render() {
    const paused = this.state === 'paused';
    const latest = this.rows.find((r) => r.kind === 'event');
    return html`<h2 tabindex="-1">事件流</h2>
      <form class="filters" @submit=${this.#applyFilter} aria-label="事件筛选">
        <label>事件类型 <input name="type" .value=${this.filter.type} placeholder="如 ticket.*,team.activated" /></label>
        <label>团队 ID <input name="team" .value=${this.filter.team} /></label>
        <label>牵头单位代码 <input name="leadUnit" .value=${this.filter.leadUnit} maxlength="18" /></label>
        <button type="submit">应用筛选</button>
      </form>
      <div class="toolbar">
        <p class="conn ${this.state}" role="status" aria-live="polite">连接状态：<strong data-testid="stream-state">${STATE_LABELS[this.state] ?? this.state}</strong>${this.stateDetail && this.state === 'reconnecting' ? html`（${this.stateDetail}）` : nothing}</p>
        ${paused
          ? html`<button type="button" class="primary" @click=${this.#resume}>继续</button>`
          : html`<button type="button" @click=${this.#pause} ?disabled=${this.state === 'stopped'}>暂停</button>`}
      </div>
      ${this.error ? html`<p class="status error" role="alert">${this.error}</p>` : nothing}
      <p class="sr-summary" aria-live="polite">已接收 ${this.received} 条事件${latest ? html`，最新：${latest.type}` : nothing}</p>
      ${this.dropped ? html`<p class="status info">屏幕上只保留最新的 ${LIMIT} 条，已移除较早的 ${this.dropped} 条（可通过事件列表接口查询）。</p>` : nothing}
      <div class="table-wrap" tabindex="0" role="region" aria-label="事件列表（最新在前）">
        <table class="events">
          <caption class="visually-hidden">实时事件，最新在前</caption>
          <thead><tr>
            <th scope="col">时间</th><th scope="col">类型</th><th scope="col">团队</th><th scope="col">牵头单位</th>
            <th scope="col">摘要</th><th scope="col">详情</th>
          </tr></thead>
          <tbody>
            ${this.rows.length === 0 ? html`<tr><td colspan="6" class="empty">暂无事件。保持此页打开，新事件会实时出现。</td></tr>` : nothing}
            ${repeat(this.rows, (r) => r.key, (r) => (r.kind === 'event' ? html`<tr data-type=${r.type}>
                <td class="nowrap">${fmtTime(r.time)}</td>
                <td><code>${r.type}</code></td>
                <td class="id">${r.team ?? '—'}</td>
                <td class="nowrap">${r.leadUnit ?? '—'}</td>
                <td>${r.project ? html`<strong>${r.project}</strong> · ` : nothing}${r.summary || '—'}</td>
                <td><details><summary>JSON</summary><pre>${JSON.stringify(r.json, null, 2)}</pre></details></td>
              </tr>` : html`<tr class=${r.kind === 'gap' ? 'gap' : 'resume'}>
                <td class="nowrap">${fmtTime(r.time)}</td>
                <td colspan="5"><strong>${r.kind === 'gap' ? '⚠ 事件缺口' : '↻ 重新连接'}</strong>：${r.text}</td>
              </tr>`))}
          </tbody>
        </table>
      </div>`;
  }
}
customElements.define('kczg-events', EventsView);
