import { html, nothing } from 'lit';
import './styles.css';
import { LightElement } from './views/base.js';
import { Session } from './lib/session.js';
import { createApi } from './lib/api.js';
import { mayView, roleLabel, visibleViews, VIEWS } from './lib/roles.js';
import './views/sign-in.js';
import './views/events-view.js';
import './views/reviews-view.js';
import './views/tickets-view.js';
import './views/assessment-view.js';
import './views/operations-view.js';

class ConsoleApp extends LightElement {
  static properties = {
    ready: { state: true },
    route: { state: true },
  };

  constructor() {
    super();
    this.ready = false;
    this.route = { view: '', rest: [] };
    this.session = new Session();
    this.api = createApi({
      token: () => this.session.token,
      onUnauthorized: () => this.session.signOut('登录已失效，请重新登录'),
    });
    this.session.addEventListener('change', () => {
      this.#routeFromHash();
      this.requestUpdate();
    });
    this.onHash = () => {
      if (/^#token=/.test(location.hash)) {
        this.session.consumeFragment();
        return;
      }
      this.#routeFromHash();
    };
  }

  createRenderRoot() {
    this.replaceChildren(); // the static "loading" text of index.html
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.session.init().then(async () => {
      await this.session.pending;
      this.ready = true;
      this.#routeFromHash();
    });
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  #routeFromHash() {
    const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
    let [view, ...rest] = parts;
    const allowed = visibleViews(this.session.roles);
    if (!view && allowed.length && this.session.signedIn) {
      history.replaceState(null, '', `#/${allowed[0].id}`);
      view = allowed[0].id;
    }
    const changed = view !== this.route.view;
    this.route = { view: view ?? '', rest };
    const title = VIEWS.find((v) => v.id === view)?.title;
    document.title = `${title ? `${title} · ` : ''}运营控制台 · 科创中国服务团平台`;
    if (changed && this.ready) {
      this.updateComplete.then(() => this.querySelector('main h2')?.focus({ preventScroll: false }));
    }
  }

  #skip() {
    this.querySelector('main')?.focus();
  }

  render() {
    if (!this.ready) return html`<p class="loading" role="status">正在加载运营控制台…</p>`;
    const s = this.session;
    if (!s.signedIn) {
      return html`<header class="top"><h1>科创中国服务团平台 · 运营控制台</h1></header>
        <main id="main" tabindex="-1"><kczg-sign-in .session=${s}></kczg-sign-in></main>`;
    }
    const views = visibleViews(s.roles);
    const { view, rest } = this.route;
    return html`
      <button type="button" class="skip-link" @click=${this.#skip}>跳到主要内容</button>
      <header class="top">
        <h1>科创中国服务团平台 · 运营控制台</h1>
        <div class="who" aria-label="当前登录">
          <span>当前用户：<strong data-testid="subject">${s.subject}</strong></span>
          <span>角色：<span data-testid="roles">${s.roles.length ? s.roles.map(roleLabel).join('、') : '无'}</span></span>
          <button type="button" @click=${() => s.signOut('已退出登录')}>退出登录</button>
        </div>
      </header>
      <nav class="main-nav" aria-label="主导航">
        <ul>
          ${views.map((v) => html`<li><a href="#/${v.id}" aria-current=${v.id === view ? 'page' : nothing}>${v.title}</a></li>`)}
        </ul>
      </nav>
      <main id="main" tabindex="-1">${this.#view(view, rest, views)}</main>`;
  }

  #view(view, rest, views) {
    const ctx = { session: this.session, api: this.api, roles: this.session.roles };
    if (!views.length) {
      return html`<h2 tabindex="-1">无权限</h2><p>当前角色（${this.session.roles.map(roleLabel).join('、') || '无'}）没有可用的控制台页面。请使用运营人员、审查员或审计员账号登录。</p>`;
    }
    if (!VIEWS.some((v) => v.id === view)) return html`<h2 tabindex="-1">不存在</h2><p>没有这个页面。请从上方导航选择。</p>`;
    if (!mayView(this.session.roles, view)) return html`<h2 tabindex="-1">无权限</h2><p>当前角色无权使用此页面。</p>`;
    switch (view) {
      case 'events': return html`<kczg-events .ctx=${ctx}></kczg-events>`;
      case 'reviews': return html`<kczg-reviews .ctx=${ctx} .caseId=${rest[0] ?? null}></kczg-reviews>`;
      case 'tickets': return html`<kczg-tickets .ctx=${ctx} .ticketId=${rest[0] ?? null}></kczg-tickets>`;
      case 'assessment': return html`<kczg-assessment .ctx=${ctx}></kczg-assessment>`;
      case 'operations': return html`<kczg-operations .ctx=${ctx}></kczg-operations>`;
      default: return nothing;
    }
  }
}
customElements.define('kczg-console', ConsoleApp);
