// OAuth 2.0 PKCE (RFC 7636) and the small random values of an authorization-code sign-in.
import { bytesToBase64Url } from './jwt.js';

function subtle() {
  return globalThis.crypto.subtle;
}

/** A high-entropy random string (base64url of `bytes` random bytes): verifiers, state, nonce. */
export function randomString(bytes = 32) {
  const a = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(a);
  return bytesToBase64Url(a);
}

/** The S256 code challenge of a verifier: BASE64URL(SHA-256(ASCII(verifier))). */
export async function pkceChallenge(verifier) {
  const digest = await subtle().digest('SHA-256', new TextEncoder().encode(verifier));
  return bytesToBase64Url(new Uint8Array(digest));
}

/** The authorization request's URL (code flow, PKCE S256, state and nonce). */
export function authorizeUrl(endpoint, { clientId, redirectUri, scope, state, nonce, challenge }) {
  const u = new URL(endpoint);
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('client_id', clientId);
  u.searchParams.set('redirect_uri', redirectUri);
  u.searchParams.set('scope', scope || 'openid');
  u.searchParams.set('state', state);
  u.searchParams.set('nonce', nonce);
  u.searchParams.set('code_challenge', challenge);
  u.searchParams.set('code_challenge_method', 'S256');
  return u.toString();
}

/** The token request's form body for the code (a public client: no secret, the verifier instead). */
export function tokenRequestBody({ code, redirectUri, clientId, verifier }) {
  const b = new URLSearchParams();
  b.set('grant_type', 'authorization_code');
  b.set('code', code);
  b.set('redirect_uri', redirectUri);
  b.set('client_id', clientId);
  b.set('code_verifier', verifier);
  return b;
}
