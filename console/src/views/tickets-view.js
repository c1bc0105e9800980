import { html, nothing } from 'lit';
import { LightElement, pager, statusLine } from './base.js';
import { may } from '../lib/roles.js';
import { MATCH_PARTS, OPEN_TICKET_STATUSES, TICKET_STATUS, fmtTime, label, num } from '../lib/format.js';

function slaCell(t) {
  const breached = [];
  if (t.firstResponseOverdue) breached.push('首次响应');
  if (t.resolutionOverdue) breached.push('办结');
  if (breached.length) return html`<span class="badge overdue">已超时：${breached.join('、')}</span>`;
  if (!t.resolutionDue && !t.firstResponseDue) return html`<span class="badge">未开始计时</span>`;
  return html`<span class="badge ok">按期</span>`;
}

class TicketsView extends LightElement {
  static properties = {
    ctx: { attribute: false },
    ticketId: { attribute: false },
    overdue: { state: true },
    others: { state: true },
    oq: { state: true },
    q: { state: true },
    message: { state: true },
    selected: { state: true },
    matches: { state: true },
    detailMessage: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.overdue = null;
    this.others = null;
    this.oq = { page: 0, size: 10 };
    this.q = { status: 'ASSIGNED', text: '', page: 0, size: 20 };
    this.message = null;
    this.selected = null;
    this.matches = null;
    this.detailMessage = null;
    this.busy = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  willUpdate(changed) {
    if (changed.has('ticketId') && this.ticketId && this.ticketId !== this.selected?.id) this.openById(this.ticketId);
  }

  async load() {
    this.message = { kind: 'info', text: '正在加载工单…' };
    const api = this.ctx.api;
    try {
      const text = this.q.text || undefined;
      const [overdue, others] = await Promise.all([
        api.get('/api/v1/tickets', { overdue: true, sort: 'resolutionDue,asc', q: text, page: this.oq.page, size: this.oq.size }),
        api.get('/api/v1/tickets', { status: this.q.status || undefined, sort: 'resolutionDue,asc', q: text, page: this.q.page, size: this.q.size }),
      ]);
      this.overdue = overdue;
      this.others = others;
      this.message = null;
    } catch (e) {
      this.message = { kind: 'error', text: e.message };
    }
  }

  async openById(id) {
    try {
      await this.open(await this.ctx.api.get(`/api/v1/tickets/${encodeURIComponent(id)}`));
    } catch (e) {
      this.detailMessage = { kind: 'error', text: e.message };
    }
  }

  async open(ticket) {
    this.selected = ticket;
    this.matches = null;
    if (!may(this.ctx.roles, 'ticket.matches')) return;
    this.detailMessage = { kind: 'info', text: '正在计算匹配…' };
    try {
      this.matches = await this.ctx.api.get(`/api/v1/tickets/${encodeURIComponent(ticket.id)}/matches`);
      this.detailMessage = this.matches.items.length ? null : { kind: 'info', text: '暂无可匹配的在役服务团。' };
      await this.updateComplete;
      this.querySelector('#ticket-detail h3')?.focus();
    } catch (e) {
      this.detailMessage = { kind: 'error', text: e.message };
    }
  }

  async #assign(match) {
    const t = this.selected;
    const reason = this.querySelector('#assign-reason')?.value.trim() ?? '';
    if (t.teamId && t.teamId !== match.teamId && !reason) {
      this.detailMessage = { kind: 'error', text: '该工单已分派给其他服务团，改派需要填写原因。' };
      this.querySelector('#assign-reason')?.focus();
      return;
    }
    this.busy = true;
    try {
      const body = { teamId: match.teamId };
      if (reason) body.reason = reason;
      this.selected = await this.ctx.api.post(`/api/v1/tickets/${encodeURIComponent(t.id)}/assign`, body);
      this.detailMessage = { kind: 'ok', text: `已分派给 ${this.selected.teamName ?? match.teamName}。` };
      await this.load();
    } catch (e) {
      this.detailMessage = { kind: 'error', text: e.message };
    } finally {
      this.busy = false;
    }
  }

  #filter(e) {
    e.preventDefault();
    const f = new FormData(e.target);
    this.q = { ...this.q, status: f.get('status'), text: String(f.get('text') ?? '').trim(), page: 0 };
    this.oq = { ...this.oq, page: 0 };
    this.load();
  }

  #table(page, caption) {
    const items = page?.items ?? [];
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${caption}工单表格">
      <table>
        <thead><tr>
          <th scope="col">项目名称</th><th scope="col">时限状态</th><th scope="col">状态</th><th scope="col">服务团</th>
          <th scope="col">首次响应期限</th><th scope="col">办结期限</th><th scope="col">需求方 / 地区</th><th scope="col">操作</th>
        </tr></thead>
        <tbody>
          ${items.map((t) => html`<tr class=${[this.selected?.id === t.id ? 'selected' : '', t.firstResponseOverdue || t.resolutionOverdue ? 'is-overdue' : ''].join(' ')} data-ticket-id=${t.id}>
            <th scope="row">${t.projectName}</th>
            <td>${slaCell(t)}</td>
            <td>${label(TICKET_STATUS, t.status)}</td>
            <td>${t.teamName ?? '未分派'}</td>
            <td class="nowrap ${t.firstResponseOverdue ? 'bad' : ''}">${fmtTime(t.firstResponseDue)}</td>
            <td class="nowrap ${t.resolutionOverdue ? 'bad' : ''}">${fmtTime(t.resolutionDue)}</td>
            <td>${t.demandSide?.name ?? '—'}<br /><small>${t.region}</small></td>
            <td><button type="button" @click=${() => this.open(t)} aria-label="查看匹配 ${t.projectName}">查看匹配</button></td>
          </tr>`)}
          ${page && !items.length ? html`<tr><td colspan="8" class="empty">${caption}：暂无工单。</td></tr>` : nothing}
        </tbody>
      </table>
    </div>`;
  }

  render() {
    return html`<h2 tabindex="-1">需求大厅</h2>
      <form class="filters" @submit=${this.#filter} aria-label="工单筛选">
        <label>关键词 <input name="text" .value=${this.q.text} placeholder="项目名称、行业或地区" /></label>
        <label>其他工单状态 <select name="status">
          <option value="" ?selected=${!this.q.status}>全部状态</option>
          ${OPEN_TICKET_STATUSES.map((s) => html`<option value=${s} ?selected=${this.q.status === s}>${label(TICKET_STATUS, s)}</option>`)}
        </select></label>
        <button type="submit">查询</button>
      </form>
      ${statusLine(this.message)}
      <div class="split">
        <div>
          <section aria-labelledby="overdue-title">
            <h3 id="overdue-title">已超时工单（最早到期在前）</h3>
            ${this.#table(this.overdue, '已超时')}
            ${this.overdue ? pager({ page: this.oq.page, size: this.oq.size, total: this.overdue.total, label: '已超时工单',
              onChange: (p, s) => { this.oq = { page: p, size: s }; this.load(); } }) : nothing}
          </section>
          <section aria-labelledby="others-title">
            <h3 id="others-title">其他工单（${this.q.status ? label(TICKET_STATUS, this.q.status) : '全部状态'}，按办结期限）</h3>
            ${this.#table(this.others, '其他')}
            ${this.others ? pager({ page: this.q.page, size: this.q.size, total: this.others.total, label: '其他工单',
              onChange: (p, s) => { this.q = { ...this.q, page: p, size: s }; this.load(); } }) : nothing}
          </section>
        </div>
        <section id="ticket-detail" aria-label="工单与匹配">
          ${statusLine(this.detailMessage)}
          ${this.selected ? this.#detail(this.selected) : html`<p class="empty">选择一个工单查看匹配的服务团。</p>`}
        </section>
      </div>`;
  }

  #detail(t) {
    const canAssign = may(this.ctx.roles, 'ticket.assign') && !['RESOLVED', 'CLOSED', 'WITHDRAWN'].includes(t.status);
    return html`<h3 tabindex="-1">工单：${t.projectName}</h3>
      <dl class="facts">
        <dt>状态</dt><dd>${label(TICKET_STATUS, t.status)}</dd>
        <dt>当前服务团</dt><dd data-testid="ticket-team">${t.teamName ?? '未分派'}</dd>
        <dt>行业领域</dt><dd>${t.industryField}</dd>
        <dt>技术难题</dt><dd>${t.technicalProblems}</dd>
        <dt>首次响应期限</dt><dd>${fmtTime(t.firstResponseDue)}${t.firstResponseOverdue ? html` <span class="badge overdue">已超时</span>` : nothing}</dd>
        <dt>办结期限</dt><dd>${fmtTime(t.resolutionDue)}${t.resolutionOverdue ? html` <span class="badge overdue">已超时</span>` : nothing}</dd>
      </dl>
      ${canAssign ? html`<label for="assign-reason">分派原因（改派给其他服务团时必填）</label>
        <input id="assign-reason" maxlength="2000" autocomplete="off" />` : nothing}
      <h4>匹配的服务团</h4>
      ${this.matches ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="匹配的服务团">
        <table>
          <thead><tr><th scope="col">服务团</th><th scope="col">总分</th><th scope="col">分项</th><th scope="col">匹配词</th>${canAssign ? html`<th scope="col">操作</th>` : nothing}</tr></thead>
          <tbody>${this.matches.items.map((m) => html`<tr data-team-id=${m.teamId}>
            <th scope="row">${m.teamName}${m.teamId === t.teamId ? html` <span class="badge">当前</span>` : nothing}</th>
            <td>${num(m.score, 1)}</td>
            <td>${Object.entries(m.parts ?? {}).map(([k, v]) => `${label(MATCH_PARTS, k)} ${num(v, 1)}`).join('，')}</td>
            <td>${m.matchedWords?.length ? m.matchedWords.join('、') : '—'}</td>
            ${canAssign ? html`<td><button type="button" ?disabled=${this.busy || m.teamId === t.teamId} @click=${() => this.#assign(m)} aria-label="分派给 ${m.teamName}">分派</button></td>` : nothing}
          </tr>`)}</tbody>
        </table>
      </div>` : nothing}`;
  }
}
customElements.define('kczg-tickets', TicketsView);
