import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptsTokens } from '../src/lib/signin.js';

test('a token signs in locally; with an identity provider only where the gateway allows it', () => {
  assert.equal(acceptsTokens({ oidc: null, tokenSignIn: true }), true);
  assert.equal(acceptsTokens({ oidc: { issuer: 'https://id.kczg.org.cn' }, tokenSignIn: false }), false);
  assert.equal(acceptsTokens({ oidc: { issuer: 'https://id.kczg.org.cn' }, tokenSignIn: true }), true);
  // an older gateway without the flag: tokens only without a provider
  assert.equal(acceptsTokens({ oidc: { issuer: 'https://id.kczg.org.cn' } }), false);
  assert.equal(acceptsTokens({ oidc: null }), true);
  assert.equal(acceptsTokens(undefined), true);
});
