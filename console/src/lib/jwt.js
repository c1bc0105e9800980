// Reads a JWT's payload for display and gating only: the gateway verifies the signature.

export function base64UrlToBytes(s) {
  let b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  while (b64.length % 4) b64 += '=';
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export function bytesToBase64Url(bytes) {
  let bin = '';
  const arr = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  for (let i = 0; i < arr.length; i++) bin += String.fromCharCode(arr[i]);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The payload of a compact JWS as an object; throws on anything that is not one. */
export function decodeJwt(token) {
  if (typeof token !== 'string') throw new Error('不是令牌');
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !parts[1]) throw new Error('令牌格式不正确');
  const json = new TextDecoder('utf-8', { fatal: true }).decode(base64UrlToBytes(parts[1]));
  const payload = JSON.parse(json);
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw new Error('令牌内容不正确');
  return payload;
}

/** The roles (`groups`) of a payload, always an array of strings. */
export function rolesOf(payload) {
  const g = payload?.groups;
  if (Array.isArray(g)) return g.filter((r) => typeof r === 'string');
  if (typeof g === 'string') return [g];
  return [];
}

/** true when the payload's `exp` (seconds) has passed (with `skewSeconds` of grace). */
export function isExpired(payload, nowMs = Date.now(), skewSeconds = 0) {
  if (typeof payload?.exp !== 'number') return false;
  return payload.exp * 1000 <= nowMs - skewSeconds * 1000;
}
