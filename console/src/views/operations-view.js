import { html, nothing } from 'lit';
import { LightElement, pager, statusLine } from './base.js';
import { SERVICES, fmtTime, label } from '../lib/format.js';

const TOPICS = ['registration.events', 'review.events', 'activity.events', 'evaluation.events'];

class OperationsView extends LightElement {
  static properties = {
    ctx: { attribute: false },
    outbox: { state: true },
    outboxAt: { state: true },
    outboxMessage: { state: true },
    letters: { state: true },
    q: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.outbox = null;
    this.outboxAt = null;
    this.outboxMessage = null;
    this.letters = null;
    this.q = { topic: '', replayed: 'false', page: 0, size: 20 };
    this.message = null;
    this.busy = false;
    this.timer = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.#refreshOutbox();
    this.timer = setInterval(() => this.#refreshOutbox(), 5000);
    this.loadLetters();
  }

  disconnectedCallback() {
    clearInterval(this.timer);
    this.timer = null;
    super.disconnectedCallback();
  }

  async #refreshOutbox() {
    try {
      this.outbox = await this.ctx.api.get('/api/v1/outbox');
      this.outboxAt = new Date();
      this.outboxMessage = null;
    } catch (e) {
      this.outboxMessage = { kind: 'error', text: e.message };
    }
  }

  async loadLetters() {
    try {
      this.letters = await this.ctx.api.get('/api/v1/dead-letters', {
        topic: this.q.topic || undefined, replayed: this.q.replayed || undefined, page: this.q.page, size: this.q.size });
    } catch (e) {
      this.message = { kind: 'error', text: e.message };
    }
  }

  async #replay(letter) {
    this.busy = true;
    try {
      await this.ctx.api.post(`/api/v1/dead-letters/${encodeURIComponent(letter.id)}/replay`);
      this.message = { kind: 'ok', text: `已重放 ${letter.id}。` };
      await this.loadLetters();
    } catch (e) {
      this.message = { kind: 'error', text: e.message };
    } finally {
      this.busy = false;
    }
  }

  async #replayAll() {
    const scope = this.q.topic ? `主题 ${this.q.topic} 下` : '所有主题下';
    if (!window.confirm(`确定重放${scope}全部尚未重放的死信吗？请先确认故障原因已修复。`)) return;
    this.busy = true;
    try {
      const r = await this.ctx.api.post('/api/v1/dead-letters/replay', undefined, { topic: this.q.topic || undefined });
      this.message = { kind: 'ok', text: `已重放 ${r.replayed} 条死信。` };
      await this.loadLetters();
    } catch (e) {
      this.message = { kind: 'error', text: e.message };
    } finally {
      this.busy = false;
    }
  }

  #filter(e) {
    e.preventDefault();
    const f = new FormData(e.target);
    this.q = { ...this.q, topic: f.get('topic'), replayed: f.get('replayed'), page: 0 };
    this.loadLetters();
  }

  render() {
    const q = this.q;
    return html`<h2 tabindex="-1">运行保障</h2>
      <div class="split even">
        <section aria-labelledby="outbox-title" class="card">
          <h3 id="outbox-title">发件箱积压</h3>
          <p class="hint" aria-live="off">每 5 秒自动刷新${this.outboxAt ? html`，更新于 ${fmtTime(this.outboxAt)}` : nothing}。</p>
          ${statusLine(this.outboxMessage)}
          <div class="table-wrap" tabindex="0" role="region" aria-label="发件箱积压表">
            <table>
              <thead><tr>
                <th scope="col">服务</th><th scope="col">状态</th><th scope="col">消息代理</th><th scope="col">积压</th>
                <th scope="col">最早未发送（秒）</th><th scope="col">搁置</th><th scope="col">说明</th>
              </tr></thead>
              <tbody>${(this.outbox?.items ?? []).map((s) => html`<tr data-service=${s.service}>
                <th scope="row">${label(SERVICES, s.service)}<br /><small>${s.service}</small></th>
                <td>${s.status === 'UP' ? html`<span class="ok">正常</span>` : html`<span class="bad">不可达</span>`}</td>
                <td>${s.broker === 'publishing' ? '正常投递' : s.broker === 'unreachable' ? html`<span class="bad">无法连接</span>` : (s.broker ?? '—')}</td>
                <td class=${s.backlog > 0 ? 'warn' : ''}>${s.backlog ?? '—'}</td>
                <td>${s.oldestUnsentAgeSeconds ?? '—'}</td>
                <td class=${s.parked > 0 ? 'bad' : ''}>${s.parked ?? '—'}</td>
                <td>${s.unreachableSince ? html`自 ${fmtTime(s.unreachableSince)} 起不可达。` : nothing}
                  ${s.lastError ? html`最近错误：${s.lastError}` : nothing}
                  ${s.parkedEvents?.length ? html`<details><summary>搁置的事件（${s.parkedEvents.length}）</summary><ul>${s.parkedEvents.map((p) => html`<li><code>${p}</code></li>`)}</ul></details>` : nothing}
                </td>
              </tr>`)}</tbody>
            </table>
          </div>
        </section>
        <section aria-labelledby="dlq-title" class="card">
          <h3 id="dlq-title">死信</h3>
          <form class="filters" @submit=${this.#filter} aria-label="死信筛选">
            <label>主题 <select name="topic"><option value="">全部</option>${TOPICS.map((t) => html`<option value=${t} ?selected=${q.topic === t}>${t}</option>`)}</select></label>
            <label>重放状态 <select name="replayed">
              <option value="" ?selected=${q.replayed === ''}>全部</option>
              <option value="false" ?selected=${q.replayed === 'false'}>未重放</option>
              <option value="true" ?selected=${q.replayed === 'true'}>已重放</option>
            </select></label>
            <button type="submit">查询</button>
            <button type="button" class="danger" ?disabled=${this.busy} @click=${this.#replayAll}>全部重放</button>
          </form>
          ${statusLine(this.message)}
          <div class="table-wrap" tabindex="0" role="region" aria-label="死信列表">
            <table>
              <thead><tr><th scope="col">时间</th><th scope="col">主题 / 类型</th><th scope="col">原因</th><th scope="col">状态</th><th scope="col">操作</th></tr></thead>
              <tbody>
                ${(this.letters?.items ?? []).map((d) => html`<tr>
                  <td class="nowrap">${fmtTime(d.deadAt)}</td>
                  <th scope="row"><code>${d.topic}</code><br /><small>${d.type ?? '无法识别的记录'} · 分区 ${d.partition} · 偏移 ${d.offset}</small></th>
                  <td>${d.reason ?? '—'}${d.cause ? html`<br /><small>${d.cause}</small>` : nothing}
                    ${d.message ? html`<details><summary>原始消息</summary><pre>${d.message}</pre></details>` : nothing}</td>
                  <td>${d.replayedAt ? `已重放（${fmtTime(d.replayedAt)}）` : '待重放'}</td>
                  <td><button type="button" ?disabled=${this.busy} @click=${() => this.#replay(d)} aria-label="重放 ${d.id}">重放</button></td>
                </tr>`)}
                ${this.letters && !this.letters.items.length ? html`<tr><td colspan="5" class="empty">没有死信。</td></tr>` : nothing}
              </tbody>
            </table>
          </div>
          ${this.letters ? pager({ page: q.page, size: q.size, total: this.letters.total, label: '死信',
            onChange: (p, s) => { this.q = { ...this.q, page: p, size: s }; this.loadLetters(); } }) : nothing}
        </section>
      </div>`;
  }
}
customElements.define('kczg-operations', OperationsView);
