import { html, nothing } from 'lit';
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { LightElement, pager, saveBlob, statusLine } from './base.js';
import { may } from '../lib/roles.js';
import { CATEGORIES, GRADES, RUN_STATE, currentYear, fmtTime, label, num, runPercent } from '../lib/format.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

const GRADE_ORDER = ['EXCELLENT', 'GOOD', 'PASS', 'POOR'];
const GRADE_COLORS = ['#1b6e3a', '#1f5fa8', '#7a5a00', '#a4262c'];

class AssessmentView extends LightElement {
  static properties = {
    ctx: { attribute: false },
    year: { state: true },
    assessment: { state: true },
    run: { state: true },
    ranking: { state: true },
    rq: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.year = currentYear();
    this.assessment = null;
    this.run = null;
    this.ranking = null;
    this.rq = { category: '', page: 0, size: 20 };
    this.message = null;
    this.busy = false;
    this.timer = null;
    this.chart = null;
    this.generation = 0;
    this.rankingGeneration = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  disconnectedCallback() {
    clearTimeout(this.timer);
    this.timer = null;
    this.chart?.destroy();
    this.chart = null;
    super.disconnectedCallback();
  }

  get base() {
    return `/api/v1/assessments/${encodeURIComponent(this.year)}`;
  }

  async load() {
    clearTimeout(this.timer);
    const generation = ++this.generation; // a slower, older load must not overwrite a newer one
    this.message = { kind: 'info', text: '正在加载考核…' };
    try {
      const assessment = await this.ctx.api.get(this.base);
      let run = assessment.currentRun ?? null;
      if (!run || run.state !== 'RUNNING') {
        // the latest run, which may be newer than the current one (running, or failed)
        const runs = await this.ctx.api.get(`${this.base}/runs`, { page: 0, size: 1 });
        run = runs.items[0] ?? run;
      }
      if (generation !== this.generation) return;
      this.assessment = assessment;
      this.run = run;
      this.message = null;
      if (this.run?.state === 'RUNNING') this.#poll();
    } catch (e) {
      if (generation !== this.generation) return;
      this.assessment = null;
      this.run = null;
      this.message = e.status === 404 ? { kind: 'info', text: `${this.year} 年尚无考核记录。` } : { kind: 'error', text: e.message };
    }
    await this.#loadRanking();
  }

  async #loadRanking() {
    const generation = ++this.rankingGeneration;
    try {
      const ranking = await this.ctx.api.get(`${this.base}/lead-units`, {
        category: this.rq.category || undefined, page: this.rq.page, size: this.rq.size });
      if (generation === this.rankingGeneration) this.ranking = ranking;
    } catch (e) {
      if (generation !== this.rankingGeneration) return;
      this.ranking = null;
      if (e.status !== 404) this.message = { kind: 'error', text: e.message };
    }
  }

  #poll() {
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      if (!this.isConnected || !this.run) return;
      try {
        this.run = await this.ctx.api.get(`${this.base}/runs/${encodeURIComponent(this.run.id)}`);
      } catch (e) {
        this.message = { kind: 'error', text: e.message };
      }
      if (this.run?.state === 'RUNNING') {
        this.#poll();
      } else {
        const finished = this.run;
        await this.load();
        this.message = finished?.state === 'DONE' ? { kind: 'ok', text: '考核运行已完成。' }
          : { kind: 'error', text: `考核运行失败：${finished?.failure ?? '原因未知'}` };
      }
    }, 1000);
  }

  async #start() {
    this.busy = true;
    this.generation++; // a load still under way must not put back the run before this one
    try {
      this.run = await this.ctx.api.post(`${this.base}/runs`);
      this.message = { kind: 'info', text: '考核运行已开始。' };
      this.#poll();
    } catch (e) {
      this.message = { kind: 'error', text: e.message };
    } finally {
      this.busy = false;
    }
  }

  async #csv() {
    this.busy = true;
    try {
      const { blob, filename } = await this.ctx.api.blob(`${this.base}/lead-units`, {
        accept: 'text/csv', params: { category: this.rq.category || undefined } });
      saveBlob(blob, filename ?? `lead-units-${this.year}.csv`);
      this.message = { kind: 'ok', text: '已下载牵头单位排名 CSV。' };
    } catch (e) {
      this.message = { kind: 'error', text: e.message };
    } finally {
      this.busy = false;
    }
  }

  #yearChange(e) {
    e.preventDefault();
    const y = Number(new FormData(e.target).get('year'));
    if (Number.isInteger(y) && y > 1999 && y < 2101) {
      this.year = y;
      this.rq = { ...this.rq, page: 0 };
      this.load();
    }
  }

  updated() {
    this.#drawChart();
  }

  #drawChart() {
    const canvas = this.querySelector('#grade-chart');
    const grades = this.assessment?.grades;
    if (!canvas || !grades) {
      this.chart?.destroy();
      this.chart = null;
      return;
    }
    const data = GRADE_ORDER.map((g) => Number(grades[g] ?? 0));
    if (this.chart && this.chart.canvas === canvas) {
      this.chart.data.datasets[0].data = data;
      this.chart.update('none');
      return;
    }
    this.chart?.destroy();
    this.chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: GRADE_ORDER.map((g) => GRADES[g]), datasets: [{ label: '团队数', data, backgroundColor: GRADE_COLORS }] },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0, color: '#1f2328' } }, x: { ticks: { color: '#1f2328' } } },
      },
    });
  }

  render() {
    const roles = this.ctx.roles;
    const run = this.run;
    const pct = runPercent(run);
    const grades = this.assessment?.grades;
    return html`<h2 tabindex="-1">年度考核</h2>
      <form class="filters" @submit=${this.#yearChange} aria-label="考核年度与操作">
        <label>考核年度 <input name="year" type="number" min="2000" max="2100" .value=${String(this.year)} required /></label>
        <button type="submit">查看</button>
        ${may(roles, 'assessment.start') ? html`<button type="button" class="primary" ?disabled=${this.busy || run?.state === 'RUNNING' || this.assessment?.status === 'PUBLISHED'} @click=${this.#start}>开始考核运行</button>` : nothing}
        ${may(roles, 'assessment.csv') ? html`<button type="button" ?disabled=${this.busy} @click=${this.#csv}>下载排名 CSV</button>` : nothing}
      </form>
      ${statusLine(this.message)}
      <section aria-labelledby="run-title" class="card">
        <h3 id="run-title">考核运行</h3>
        ${this.assessment ? html`<p>考核状态：${this.assessment.status === 'PUBLISHED' ? `已发布（${fmtTime(this.assessment.publishedAt)}）` : '草稿'}</p>` : nothing}
        ${run ? html`
          <div class="progress-row">
            <label for="run-progress">考核进度</label>
            <progress id="run-progress" max="100" .value=${pct} aria-valuetext="${pct} %">${pct} %</progress>
            <span class="pct" data-testid="run-percent">${pct} %</span>
          </div>
          <p>运行状态：<strong data-testid="run-state">${label(RUN_STATE, run.state)}</strong>，已评分 ${run.processed} / ${run.total} 个团队；
            开始于 ${fmtTime(run.startedAt)}（${run.startedBy}）${run.finishedAt ? html`，结束于 ${fmtTime(run.finishedAt)}` : nothing}</p>
          ${run.failure ? html`<p class="status error">失败原因：${run.failure}</p>` : nothing}`
          : html`<p class="empty">本年度尚未运行考核。</p>`}
      </section>
      <div class="split even">
        <section aria-labelledby="grades-title" class="card">
          <h3 id="grades-title">等级分布</h3>
          ${grades ? html`<div class="chart-box">
              <canvas id="grade-chart" role="img" aria-label="等级分布柱状图：${GRADE_ORDER.map((g) => `${GRADES[g]} ${grades[g] ?? 0} 个`).join('，')}"></canvas>
            </div>
            <table class="compact"><caption>各等级团队数</caption>
              <thead><tr>${GRADE_ORDER.map((g) => html`<th scope="col">${GRADES[g]}</th>`)}</tr></thead>
              <tbody><tr>${GRADE_ORDER.map((g) => html`<td>${grades[g] ?? 0}</td>`)}</tr></tbody>
            </table>` : html`<p class="empty">暂无考核结果。</p>`}
        </section>
        <section aria-labelledby="ranking-title" class="card">
          <h3 id="ranking-title">牵头单位排名</h3>
          <label>类别 <select @change=${(e) => { this.rq = { ...this.rq, category: e.target.value, page: 0 }; this.#loadRanking(); }}>
            <option value="">全部</option>
            ${Object.entries(CATEGORIES).map(([k, v]) => html`<option value=${k} ?selected=${this.rq.category === k}>${v}</option>`)}
          </select></label>
          <div class="table-wrap" tabindex="0" role="region" aria-label="牵头单位排名表">
            <table>
              <thead><tr><th scope="col">排名</th><th scope="col">牵头单位</th><th scope="col">团队数</th><th scope="col">平均分</th><th scope="col">等级</th></tr></thead>
              <tbody>
                ${(this.ranking?.items ?? []).map((u) => html`<tr>
                  <td>${u.rank}</td>
                  <th scope="row">${u.name ?? u.creditCode}<br /><small>${label(CATEGORIES, u.category)}</small></th>
                  <td>${u.teams}</td>
                  <td>${num(u.average, 2)}</td>
                  <td>${GRADE_ORDER.filter((g) => u.grades?.[g]).map((g) => `${GRADES[g]} ${u.grades[g]}`).join('，') || '—'}</td>
                </tr>`)}
                ${this.ranking && !this.ranking.items.length ? html`<tr><td colspan="5" class="empty">暂无排名。</td></tr>` : nothing}
              </tbody>
            </table>
          </div>
          ${this.ranking ? pager({ page: this.rq.page, size: this.rq.size, total: this.ranking.total, label: '牵头单位排名',
            onChange: (p, s) => { this.rq = { ...this.rq, page: p, size: s }; this.#loadRanking(); } }) : nothing}
        </section>
      </div>`;
  }
}
customElements.define('kczg-assessment', AssessmentView);
