import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryKeyStore, Vault, createKey, decryptText, encryptText } from '../src/lib/vault.js';

class MemoryStorage {
  constructor() { this.m = new Map(); }
  getItem(k) { return this.m.has(k) ? this.m.get(k) : null; }
  setItem(k, v) { this.m.set(k, String(v)); }
  removeItem(k) { this.m.delete(k); }
}

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiLlvKDkvJ8ifQ.c2lnbmF0dXJl';

test('the key cannot be exported', async () => {
  const key = await createKey();
  assert.equal(key.extractable, false);
  await assert.rejects(crypto.subtle.exportKey('raw', key));
});

test('encrypt then decrypt; a fresh IV each time; tampering fails', async () => {
  const key = await createKey();
  const a = await encryptText(key, TOKEN);
  const b = await encryptText(key, TOKEN);
  assert.notEqual(a, b);
  assert.ok(!a.includes(TOKEN) && !a.includes(TOKEN.split('.')[1]));
  assert.equal(await decryptText(key, a), TOKEN);
  const [v, iv, ct] = a.split('.');
  const flipped = `${v}.${iv}.${ct.slice(0, -2)}${ct.endsWith('A') ? 'B' : 'A'}${ct.slice(-1)}`;
  await assert.rejects(decryptText(key, flipped));
  await assert.rejects(decryptText(await createKey(), a));
});

test('vault: stored only sealed; wipe removes item and key; another key reads nothing', async () => {
  const storage = new MemoryStorage();
  const keys = new MemoryKeyStore();
  const vault = new Vault(keys, storage);
  await vault.save('s', TOKEN);
  assert.ok(!storage.getItem('s').includes(TOKEN));
  assert.equal(await vault.load('s'), TOKEN);
  assert.equal(await new Vault(new MemoryKeyStore(), storage).load('s'), null);
  assert.equal(storage.getItem('s'), null, 'an item no key opens is removed');
  await vault.save('s', TOKEN);
  await vault.wipe(['s']);
  assert.equal(storage.getItem('s'), null);
  assert.equal(await keys.get(), null);
  assert.equal(await vault.load('s'), null);
});
