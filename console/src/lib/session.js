// Who is signed in: the token in memory; across reloads only sealed in sessionStorage (see vault.js).
// Sign-in: a development link (#token=…), a pasted token, or the platform's OpenID Connect provider (code + PKCE).
import { decodeJwt, isExpired, rolesOf } from './jwt.js';
import { IdbKeyStore, MemoryKeyStore, Vault } from './vault.js';
import { authorizeUrl, pkceChallenge, randomString, tokenRequestBody } from './pkce.js';
import { acceptsTokens } from './signin.js';

const TOKEN_ITEM = 'kczg.console.session';
const OIDC_ITEM = 'kczg.console.oidc';

function keyStore() {
  return typeof indexedDB === 'undefined' ? new MemoryKeyStore() : new IdbKeyStore();
}

export class Session extends EventTarget {
  constructor() {
    super();
    this.token = null;
    this.claims = null;
    this.roles = [];
    this.config = { oidc: null };
    this.vault = new Vault(keyStore(), sessionStorage);
    this.notice = null; // a message for the sign-in page (expired, signed out …)
    this.expiryTimer = null;
  }

  get signedIn() {
    return !!this.token;
  }

  get subject() {
    return this.claims?.sub ?? '';
  }

  /** Reads config, then signs in from the URL (#token, ?code) or the sealed copy; true when signed in. */
  async init() {
    try {
      const res = await fetch('config.json', { cache: 'no-store' });
      if (res.ok) this.config = await res.json();
    } catch {
      this.config = { oidc: null };
    }
    if (this.consumeFragment()) return this.signedIn;
    const url = new URL(location.href);
    if (this.config.oidc && (url.searchParams.has('code') || url.searchParams.has('error'))) {
      try {
        await this.completeOidc(url);
      } catch (e) {
        this.notice = e.message;
        this.#cleanUrl();
      }
      return this.signedIn;
    }
    try {
      const saved = await this.vault.load(TOKEN_ITEM);
      if (saved) await this.use(saved, { persist: false });
    } catch (e) {
      this.notice = e.message;
    }
    return this.signedIn;
  }

  /**
   * A development sign-in link: #token=<JWT>. Removed from the URL at once; taken only where the gateway allows
   * tokens (locally) — with an identity provider a link would sign the reader in as whoever made it.
   */
  consumeFragment() {
    const hash = location.hash;
    if (!/^#token=/.test(hash)) return false;
    const token = new URLSearchParams(hash.slice(1)).get('token');
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    if (!acceptsTokens(this.config)) {
      this.notice = '此环境只能通过统一身份认证登录，登录链接中的令牌未被使用。';
      return false;
    }
    if (token) {
      this.pending = this.use(token).catch((e) => {
        this.notice = e.message;
        this.dispatchEvent(new Event('change'));
      });
    }
    return true;
  }

  /** Signs in with a token (checked for shape and expiry only; the gateway verifies it). */
  async use(token, { persist = true } = {}) {
    const clean = String(token).trim();
    let claims;
    try {
      claims = decodeJwt(clean);
    } catch {
      throw new Error('令牌无法识别，请粘贴完整的 JWT');
    }
    if (isExpired(claims)) {
      await this.signOut('登录已过期，请重新登录');
      throw new Error('登录已过期，请重新登录');
    }
    this.token = clean;
    this.claims = claims;
    this.roles = rolesOf(claims);
    this.notice = null;
    if (persist) {
      try {
        await this.vault.save(TOKEN_ITEM, clean);
      } catch {
        // no IndexedDB or WebCrypto key here (a private window): the token then lasts only as long as the page
      }
    }
    clearTimeout(this.expiryTimer);
    if (typeof claims.exp === 'number') {
      const ms = claims.exp * 1000 - Date.now();
      if (ms < 2 ** 31 - 1) this.expiryTimer = setTimeout(() => this.signOut('登录已过期，请重新登录'), Math.max(0, ms));
    }
    this.dispatchEvent(new Event('change'));
  }

  /** Forgets the token everywhere: memory, the sealed copy, and the key that sealed it. */
  async signOut(notice = null) {
    clearTimeout(this.expiryTimer);
    this.token = null;
    this.claims = null;
    this.roles = [];
    this.notice = notice;
    try {
      await this.vault.wipe([TOKEN_ITEM, OIDC_ITEM]);
    } catch {
      sessionStorage.removeItem(TOKEN_ITEM);
      sessionStorage.removeItem(OIDC_ITEM);
    }
    this.dispatchEvent(new Event('change'));
  }

  redirectUri() {
    return `${location.origin}/console/`;
  }

  async #discover() {
    const issuer = this.config.oidc.issuer.replace(/\/+$/, '');
    const res = await fetch(`${issuer}/.well-known/openid-configuration`);
    if (!res.ok) throw new Error('无法读取统一身份认证的配置');
    return res.json();
  }

  /** Sends the browser to the provider (authorization code + PKCE S256, state and nonce kept sealed). */
  async beginOidc() {
    const oidc = this.config.oidc;
    const meta = await this.#discover();
    const verifier = randomString(32);
    const state = randomString(16);
    const nonce = randomString(16);
    await this.vault.save(OIDC_ITEM, JSON.stringify({ verifier, state, nonce }));
    location.assign(authorizeUrl(meta.authorization_endpoint, {
      clientId: oidc.clientId, redirectUri: this.redirectUri(), scope: oidc.scope || 'openid profile',
      state, nonce, challenge: await pkceChallenge(verifier),
    }));
  }

  async completeOidc(url) {
    const pendingText = await this.vault.load(OIDC_ITEM);
    this.vault.remove(OIDC_ITEM);
    this.#cleanUrl();
    if (url.searchParams.has('error')) {
      throw new Error(`统一身份认证未完成登录：${url.searchParams.get('error_description') || url.searchParams.get('error')}`);
    }
    const pending = pendingText ? JSON.parse(pendingText) : null;
    if (!pending || pending.state !== url.searchParams.get('state')) throw new Error('登录状态校验失败，请重新登录');
    const meta = await this.#discover();
    const res = await fetch(meta.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: tokenRequestBody({
        code: url.searchParams.get('code'), redirectUri: this.redirectUri(),
        clientId: this.config.oidc.clientId, verifier: pending.verifier,
      }),
    });
    if (!res.ok) throw new Error('换取令牌失败，请重新登录');
    const tokens = await res.json();
    if (tokens.id_token) {
      let idClaims;
      try {
        idClaims = decodeJwt(tokens.id_token);
      } catch {
        throw new Error('身份令牌无法识别');
      }
      if (idClaims.nonce !== pending.nonce) throw new Error('登录校验失败（nonce 不符），请重新登录');
    }
    if (!tokens.access_token) throw new Error('未获得访问令牌');
    await this.use(tokens.access_token);
  }

  #cleanUrl() {
    history.replaceState(null, '', `${location.pathname}#/`);
  }
}
