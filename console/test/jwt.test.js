import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToBase64Url, decodeJwt, isExpired, rolesOf } from '../src/lib/jwt.js';

const part = (o) => bytesToBase64Url(new TextEncoder().encode(JSON.stringify(o)));
const jwt = (o) => `${part({ alg: 'RS256' })}.${part(o)}.c2ln`;

test('decodes a base64url payload with Chinese claims', () => {
  const p = decodeJwt(jwt({ sub: 'zhang.wei', name: '张伟？>>', groups: ['operator', 'auditor'], exp: 4102444800 }));
  assert.equal(p.name, '张伟？>>');
  assert.deepEqual(rolesOf(p), ['operator', 'auditor']);
});

test('payloads whose base64url uses - and _ decode', () => {
  const payload = { sub: '\u00fb\u00ff\u00fe?>', groups: [] };
  const token = jwt(payload);
  assert.match(token.split('.')[1], /[-_]/);
  assert.deepEqual(decodeJwt(token), payload);
});

test('rejects what is not a JWT', () => {
  assert.throws(() => decodeJwt('abc'));
  assert.throws(() => decodeJwt('a.!!!.c'));
  assert.throws(() => decodeJwt(`a.${part([1])}.c`));
});

test('expiry', () => {
  assert.equal(isExpired({ exp: 100 }, 100_000), true);
  assert.equal(isExpired({ exp: 101 }, 100_000), false);
  assert.equal(isExpired({}, 100_000), false);
  assert.deepEqual(rolesOf({ groups: 'operator' }), ['operator']);
  assert.deepEqual(rolesOf({}), []);
});
