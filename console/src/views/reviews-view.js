import { html, nothing } from 'lit';
import { LightElement, pager, statusLine } from './base.js';
import { may } from '../lib/roles.js';
import { CATEGORIES, CHECK_NAMES, PRIORITY_PARTS, REVIEW_STATUS, SERVICE_CATEGORIES, fmtTime, label, num } from '../lib/format.js';

const SORTS = [
  ['priority,desc;submittedAt,asc', '优先级从高到低'],
  ['submittedAt,asc', '提交时间从早到晚'],
  ['submittedAt,desc', '提交时间从晚到早'],
  ['decidedAt,desc', '决定时间从晚到早'],
];

function checkOutcome(passed) {
  if (passed === true) return html`<span class="ok">通过</span>`;
  if (passed === false) return html`<span class="bad">未通过</span>`;
  return html`<span class="warn">待审查员判断</span>`;
}

class ReviewsView extends LightElement {
  static properties = {
    ctx: { attribute: false },
    caseId: { attribute: false },
    list: { state: true },
    query: { state: true },
    selected: { state: true },
    application: { state: true },
    message: { state: true },
    detailMessage: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.list = null;
    this.query = { status: 'PENDING', year: '', category: '', applicationId: '', sort: SORTS[0][0], page: 0, size: 20 };
    this.selected = null;
    this.application = null;
    this.message = null;
    this.detailMessage = null;
    this.busy = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  willUpdate(changed) {
    if (changed.has('caseId') && this.caseId && this.caseId !== this.selected?.id) this.open(this.caseId);
  }

  async load() {
    this.message = { kind: 'info', text: '正在加载审查队列…' };
    try {
      this.list = await this.ctx.api.get('/api/v1/reviews', this.query);
      this.message = this.list.items.length ? null : { kind: 'info', text: '没有符合条件的审查案件。' };
    } catch (e) {
      this.message = { kind: 'error', text: e.message };
    }
  }

  async open(id, { quiet = false } = {}) {
    if (!quiet) this.detailMessage = { kind: 'info', text: '正在加载案件…' };
    try {
      const c = await this.ctx.api.get(`/api/v1/reviews/${encodeURIComponent(id)}`);
      if (this.application?.id !== c.applicationId) this.application = null;
      this.selected = c;
      this.#loadApplication(c.applicationId);
      if (quiet) return;
      this.detailMessage = null;
      await this.updateComplete;
      this.querySelector('#case-detail h3')?.focus();
    } catch (e) {
      this.detailMessage = { kind: 'error', text: e.message };
    }
  }

  async #loadApplication(id) {
    if (this.application?.id === id) return;
    try {
      const a = await this.ctx.api.get(`/api/v1/applications/${encodeURIComponent(id)}`);
      if (this.selected?.applicationId === id) this.application = a;
    } catch {
      this.application = null; // the summary is a help, the case itself is shown anyway
    }
  }

  #applicationSummary(a) {
    if (!a) return nothing;
    const leader = a.members?.find((m) => m.role === 'LEADER');
    const short = (t) => (t && t.length > 120 ? `${t.slice(0, 119)}…` : t || '—');
    return html`<h4>申报摘要</h4>
      <dl class="facts">
        <dt>服务类别</dt><dd>${(a.categories ?? []).map((c) => label(SERVICE_CATEGORIES, c)).join('、') || '—'}</dd>
        <dt>试点城市</dt><dd>${(a.pilotCities ?? []).join('、') || '—'}</dd>
        <dt>重点领域</dt><dd>${(a.keyFields ?? []).join('、') || '—'}</dd>
        <dt>团队</dt><dd>${a.members?.length ?? 0} 名专家${leader ? `，团长 ${leader.name}（${leader.affiliation ?? ''}${leader.title ? ` ${leader.title}` : ''}）` : ''}</dd>
        <dt>资源投入</dt><dd>${a.resourcesCommitted?.yearlyBudget !== undefined ? `年度经费 ${a.resourcesCommitted.yearlyBudget} 元` : ''}${a.resourcesCommitted?.staff !== undefined ? `，专职人员 ${a.resourcesCommitted.staff} 名` : ''}</dd>
        <dt>工作基础</dt><dd>${short(a.workFoundation)}</dd>
        <dt>服务经验</dt><dd>${short(a.experience)}</dd>
        <dt>协作单位</dt><dd>${(a.partnerUnits ?? []).map((u) => u.name).join('、') || '—'}</dd>
      </dl>`;
  }

  #filter(e) {
    e.preventDefault();
    const f = new FormData(e.target);
    this.query = { ...this.query, status: f.get('status'), year: f.get('year'), category: f.get('category'),
      applicationId: String(f.get('applicationId') ?? '').trim(), sort: f.get('sort'), page: 0 };
    this.load();
  }

  #page(page, size) {
    this.query = { ...this.query, page, size };
    this.load();
  }

  async #act(kind) {
    const c = this.selected;
    const reason = this.querySelector('#review-reason')?.value.trim() ?? '';
    const api = this.ctx.api;
    const base = `/api/v1/reviews/${encodeURIComponent(c.id)}`;
    const done = { claim: '已认领', approve: '已通过', reject: '已驳回', 'request-changes': '已要求修改', assign: '已分派' };
    let call;
    if (kind === 'claim') call = () => api.post(`${base}/claim`);
    if (kind === 'approve') call = () => api.post(`${base}/approve`, reason ? { reason, version: c.version } : { version: c.version });
    if (kind === 'reject' || kind === 'request-changes') {
      if (!reason) {
        this.detailMessage = { kind: 'error', text: kind === 'reject' ? '驳回需要填写理由。' : '要求修改需要说明需修改的内容。' };
        this.querySelector('#review-reason')?.focus();
        return;
      }
      call = () => api.post(`${base}/${kind}`, { reason, version: c.version });
    }
    if (kind === 'assign') {
      const reviewer = this.querySelector('#assign-reviewer')?.value.trim();
      if (!reviewer) {
        this.detailMessage = { kind: 'error', text: '请填写审查员账号。' };
        this.querySelector('#assign-reviewer')?.focus();
        return;
      }
      call = () => api.post(`${base}/assign`, { reviewer });
    }
    this.busy = true;
    try {
      await call();
      // read the case again: its answer may carry the version from before the change was stored
      await this.open(c.id, { quiet: true });
      this.detailMessage = { kind: 'ok', text: `${done[kind]}。当前状态：${label(REVIEW_STATUS, this.selected.status)}` };
      const field = this.querySelector('#review-reason');
      if (field && kind !== 'claim') field.value = '';
      await this.load();
    } catch (e) {
      this.detailMessage = { kind: 'error', text: e.message };
      if (e.code === 'stale-version') {
        await this.open(c.id, { quiet: true });
        this.detailMessage = { kind: 'error', text: `${e.message}（已重新加载案件，请确认后再操作）` };
      }
    } finally {
      this.busy = false;
    }
  }

  render() {
    const q = this.query;
    return html`<h2 tabindex="-1">资格审查</h2>
      <div class="split">
        <section aria-labelledby="queue-title">
          <h3 id="queue-title">审查队列</h3>
          <form class="filters" @submit=${this.#filter} aria-label="审查队列筛选">
            <label>状态 <select name="status">${Object.entries(REVIEW_STATUS).map(([k, v]) => html`<option value=${k} ?selected=${q.status === k}>${v}</option>`)}</select></label>
            <label>年度 <input name="year" type="number" min="2000" max="2100" .value=${String(q.year ?? '')} /></label>
            <label>牵头单位类别 <select name="category"><option value="">全部</option>${Object.entries(CATEGORIES).map(([k, v]) => html`<option value=${k} ?selected=${q.category === k}>${v}</option>`)}</select></label>
            <label>申请编号 <input name="applicationId" .value=${q.applicationId} /></label>
            <label>排序 <select name="sort">${SORTS.map(([k, v]) => html`<option value=${k} ?selected=${q.sort === k}>${v}</option>`)}</select></label>
            <button type="submit">查询</button>
          </form>
          ${statusLine(this.message)}
          <div class="table-wrap" tabindex="0" role="region" aria-label="审查案件列表">
            <table>
              <thead><tr>
                <th scope="col">优先级</th><th scope="col">申报团队</th><th scope="col">牵头单位</th><th scope="col">年度</th>
                <th scope="col">状态</th><th scope="col">认领人</th><th scope="col">提交时间</th><th scope="col">操作</th>
              </tr></thead>
              <tbody>
                ${(this.list?.items ?? []).map((c) => html`<tr class=${this.selected?.id === c.id ? 'selected' : ''} data-case-id=${c.id}>
                  <td>${num(c.priority?.score, 1)}</td>
                  <th scope="row">${c.applicationName}</th>
                  <td>${c.leadUnitName}<br /><small>${label(CATEGORIES, c.category)}</small></td>
                  <td>${c.year}</td>
                  <td>${label(REVIEW_STATUS, c.status)}</td>
                  <td>${c.claimedBy ?? '未认领'}</td>
                  <td class="nowrap">${fmtTime(c.submittedAt)}</td>
                  <td><button type="button" @click=${() => this.open(c.id)} aria-label="查看 ${c.applicationName}">查看</button></td>
                </tr>`)}
                ${this.list && !this.list.items.length ? html`<tr><td colspan="8" class="empty">没有符合条件的审查案件。</td></tr>` : nothing}
              </tbody>
            </table>
          </div>
          ${this.list ? pager({ page: q.page, size: q.size, total: this.list.total, label: '审查队列', onChange: (p, s) => this.#page(p, s) }) : nothing}
        </section>
        <section id="case-detail" aria-label="案件详情">
          ${statusLine(this.detailMessage)}
          ${this.selected ? this.#detail(this.selected) : html`<p class="empty">从左侧列表选择一个案件查看检查结果并处理。</p>`}
        </section>
      </div>`;
  }

  #detail(c) {
    const roles = this.ctx.roles;
    const me = this.ctx.session.subject;
    const pending = c.status === 'PENDING';
    const canClaim = may(roles, 'review.claim') && pending && c.claimedBy !== me;
    const canDecide = may(roles, 'review.decide') && pending && (c.claimedBy === me || c.panel?.chair === me);
    const canAssign = may(roles, 'review.assign') && pending;
    return html`<h3 tabindex="-1">案件：${c.applicationName}</h3>
      <dl class="facts">
        <dt>状态</dt><dd data-testid="case-status">${label(REVIEW_STATUS, c.status)}</dd>
        <dt>牵头单位</dt><dd>${c.leadUnitName}（${c.leadUnit}）</dd>
        <dt>类别</dt><dd>${label(CATEGORIES, c.category)}</dd>
        <dt>年度</dt><dd>${c.year}</dd>
        <dt>提交</dt><dd>${fmtTime(c.submittedAt)}（第 ${c.submissionCount} 次）</dd>
        <dt>认领人</dt><dd>${c.claimedBy ?? '未认领'}</dd>
        <dt>优先级</dt><dd>${num(c.priority?.score, 1)} 分（${c.priority?.basis === 'PANEL_SCORES' ? '依据评审组评分' : '依据申报文本'}）：
          ${Object.entries(c.priority?.parts ?? {}).map(([k, v]) => `${label(PRIORITY_PARTS, k)} ${num(v, 1)}`).join('，')}</dd>
        ${c.decidedAt ? html`<dt>决定时间</dt><dd>${fmtTime(c.decidedAt)}</dd>` : nothing}
        ${c.decisionReasons?.length ? html`<dt>决定理由</dt><dd>${c.decisionReasons.join('；')}</dd>` : nothing}
      </dl>
      ${this.#applicationSummary(this.application)}
      <h4>自动检查</h4>
      <div class="table-wrap" tabindex="0" role="region" aria-label="自动检查结果">
        <table>
          <thead><tr><th scope="col">检查项</th><th scope="col">结果</th><th scope="col">说明</th></tr></thead>
          <tbody>${(c.checks ?? []).map((k) => html`<tr><th scope="row">${label(CHECK_NAMES, k.name)}</th><td>${checkOutcome(k.passed)}</td><td>${k.detail}</td></tr>`)}</tbody>
        </table>
      </div>
      ${c.overrides?.length ? html`<h4>例外批准</h4><ul>${c.overrides.map((o) => html`<li>${label(CHECK_NAMES, o.check)}：${o.reason}</li>`)}</ul>` : nothing}
      ${c.panel ? html`<h4>评审组</h4>
        <p>组长：${c.panel.chair}${c.panel.mean !== undefined ? html`；平均分 ${num(c.panel.mean, 2)}` : nothing}${c.panel.awaiting?.length ? html`；待评分：${c.panel.awaiting.join('、')}` : nothing}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-label="评审组成员">
          <table><thead><tr><th scope="col">成员</th><th scope="col">身份</th><th scope="col">评分时间</th><th scope="col">意见</th></tr></thead>
          <tbody>${c.panel.members.map((m) => html`<tr><th scope="row">${m.reviewer}</th><td>${m.chair ? '组长' : '成员'}${m.recused ? '（已回避）' : ''}</td><td>${fmtTime(m.scoredAt)}</td><td>${m.comment ?? '—'}</td></tr>`)}</tbody></table>
        </div>` : nothing}
      ${canClaim || canDecide || canAssign ? html`<h4>处理</h4>` : nothing}
      ${may(roles, 'review.decide') && pending && !canDecide ? html`<p class="hint">认领后即可通过、驳回或要求修改。</p>` : nothing}
      ${canClaim ? html`<p><button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#act('claim')}>认领</button></p>` : nothing}
      ${canDecide ? html`<div class="decide">
          <label for="review-reason">审查意见 / 理由（驳回和要求修改必填；例外批准不少于 20 字）</label>
          <textarea id="review-reason" rows="3" maxlength="4000"></textarea>
          <div class="buttons">
            <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#act('approve')}>通过</button>
            <button type="button" ?disabled=${this.busy} @click=${() => this.#act('request-changes')}>要求修改</button>
            <button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.#act('reject')}>驳回</button>
          </div>
        </div>` : nothing}
      ${canAssign ? html`<form class="inline" @submit=${(e) => { e.preventDefault(); this.#act('assign'); }}>
          <label for="assign-reviewer">分派给审查员（账号）</label>
          <input id="assign-reviewer" autocomplete="off" required />
          <button type="submit" ?disabled=${this.busy}>分派</button>
        </form>` : nothing}`;
  }
}
customElements.define('kczg-reviews', ReviewsView);
