import { html, nothing } from 'lit';
import { acceptsTokens } from '../lib/signin.js';
import { LightElement, statusLine } from './base.js';

class SignIn extends LightElement {
  static properties = {
    session: { attribute: false },
    message: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.message = null;
    this.busy = false;
  }

  async #paste(e) {
    e.preventDefault();
    const field = this.querySelector('#token-input');
    this.busy = true;
    try {
      await this.session.use(field.value);
      field.value = '';
    } catch (err) {
      this.message = err.message === this.session.notice ? null : { kind: 'error', text: err.message };
      this.requestUpdate();
    } finally {
      this.busy = false;
    }
  }

  async #oidc() {
    this.busy = true;
    try {
      await this.session.beginOidc();
    } catch (err) {
      this.message = { kind: 'error', text: err.message };
      this.busy = false;
    }
  }

  render() {
    const oidc = this.session.config?.oidc;
    const notice = this.session.notice;
    const paste = html`<form class="card" @submit=${this.#paste}>
        <h3>使用开发令牌登录</h3>
        <p class="hint">本地运行时，<code>./kczg</code> 会打印一键登录链接；也可以用 <code>./kczg token operator</code> 生成令牌后粘贴到这里。</p>
        <label for="token-input">访问令牌（JWT）</label>
        <textarea id="token-input" rows="4" autocomplete="off" spellcheck="false" required></textarea>
        <button type="submit" ?disabled=${this.busy}>登录</button>
      </form>`;
    return html`<h2 tabindex="-1">登录</h2>
      ${notice ? html`<p class="status info" role="status" aria-live="polite">${notice}</p>` : nothing}
      ${statusLine(this.message)}
      ${oidc ? html`<div class="card">
          <p>请通过平台统一身份认证登录。</p>
          <button type="button" class="primary" ?disabled=${this.busy} @click=${this.#oidc}>通过统一身份认证登录</button>
        </div>
        ${acceptsTokens(this.session.config) ? html`<details><summary>本地调试：粘贴令牌</summary>${paste}</details>`
          : nothing}` : paste}`;
  }
}
customElements.define('kczg-sign-in', SignIn);
