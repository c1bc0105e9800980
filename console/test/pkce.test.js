import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorizeUrl, pkceChallenge, randomString, tokenRequestBody } from '../src/lib/pkce.js';

// RFC 7636 appendix B: the challenge of this verifier is E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM (as printed
// in the RFC, and as SHA-256 gives it; 'E9Melhoa2OwvFrEjTSWvrp3S-9N1Ldmn_IuPFg6RbUI' is not it).
test('RFC 7636 appendix B vector', async () => {
  assert.equal(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
    'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
});

test('random strings are base64url, 43 characters for 32 bytes, and differ', () => {
  const a = randomString(32);
  assert.match(a, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a, randomString(32));
});

test('authorization URL carries code flow, S256 challenge, state and nonce', () => {
  const u = new URL(authorizeUrl('https://id.example.cn/auth?x=1', {
    clientId: 'kczg-console', redirectUri: 'https://kczg.org.cn/console/', scope: 'openid profile',
    state: 's', nonce: 'n', challenge: 'c',
  }));
  assert.equal(u.searchParams.get('x'), '1');
  assert.equal(u.searchParams.get('response_type'), 'code');
  assert.equal(u.searchParams.get('code_challenge_method'), 'S256');
  assert.equal(u.searchParams.get('redirect_uri'), 'https://kczg.org.cn/console/');
  assert.deepEqual(['state', 'nonce', 'code_challenge'].map((k) => u.searchParams.get(k)), ['s', 'n', 'c']);
});

test('token request body of a public client', () => {
  const b = tokenRequestBody({ code: 'abc', redirectUri: 'r', clientId: 'c', verifier: 'v' });
  assert.equal(b.toString(), 'grant_type=authorization_code&code=abc&redirect_uri=r&client_id=c&code_verifier=v');
});
