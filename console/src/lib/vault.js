// The token across reloads: only in sessionStorage, encrypted with AES-GCM under a non-extractable key that lives
// in IndexedDB (a CryptoKey is stored there as an object, never as bytes). The key store is pluggable, so Node's
// WebCrypto can test the rest.
import { base64UrlToBytes, bytesToBase64Url } from './jwt.js';

const subtle = () => globalThis.crypto.subtle;

export async function createKey() {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Encrypts text: `v1.<iv>.<ciphertext>` (base64url). */
export async function encryptText(key, text) {
  const iv = new Uint8Array(12);
  globalThis.crypto.getRandomValues(iv);
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text));
  return `v1.${bytesToBase64Url(iv)}.${bytesToBase64Url(new Uint8Array(ct))}`;
}

/** Decrypts what encryptText made; throws when the key or the text does not fit. */
export async function decryptText(key, sealed) {
  const [v, iv, ct] = String(sealed).split('.');
  if (v !== 'v1' || !iv || !ct) throw new Error('vault: unknown format');
  const plain = await subtle().decrypt({ name: 'AES-GCM', iv: base64UrlToBytes(iv) }, key, base64UrlToBytes(ct));
  return new TextDecoder().decode(plain);
}

/** A key store in memory (tests; or where IndexedDB is missing: the token then lasts only as long as the page). */
export class MemoryKeyStore {
  constructor() {
    this.key = null;
  }
  async get() {
    return this.key;
  }
  async put(key) {
    this.key = key;
  }
  async delete() {
    this.key = null;
  }
}

/** A key store in IndexedDB (database `kczg-console`, store `keys`). */
export class IdbKeyStore {
  constructor(dbName = 'kczg-console', id = 'session-key') {
    this.dbName = dbName;
    this.id = id;
  }
  #open() {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open(this.dbName, 1);
      req.onupgradeneeded = () => req.result.createObjectStore('keys');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  async #tx(mode, op) {
    const db = await this.#open();
    try {
      return await new Promise((resolve, reject) => {
        const tx = db.transaction('keys', mode);
        const req = op(tx.objectStore('keys'));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  }
  get() {
    return this.#tx('readonly', (s) => s.get(this.id)).then((k) => k ?? null);
  }
  put(key) {
    return this.#tx('readwrite', (s) => s.put(key, this.id));
  }
  delete() {
    return this.#tx('readwrite', (s) => s.delete(this.id));
  }
}

/** Seals values under one storage item each; `storage` is sessionStorage or anything with its three methods. */
export class Vault {
  constructor(keyStore, storage) {
    this.keyStore = keyStore;
    this.storage = storage;
  }
  async #key(create) {
    let key = await this.keyStore.get();
    if (!key && create) {
      key = await createKey();
      await this.keyStore.put(key);
    }
    return key;
  }
  async save(name, value) {
    const key = await this.#key(true);
    this.storage.setItem(name, await encryptText(key, value));
  }
  /** The value, or null when there is none or it cannot be opened (another key, tampered): then it is removed. */
  async load(name) {
    const sealed = this.storage.getItem(name);
    if (!sealed) return null;
    const key = await this.#key(false);
    if (!key) {
      this.storage.removeItem(name);
      return null;
    }
    try {
      return await decryptText(key, sealed);
    } catch {
      this.storage.removeItem(name);
      return null;
    }
  }
  remove(name) {
    this.storage.removeItem(name);
  }
  /** Removes the given items and the key itself. */
  async wipe(names) {
    for (const n of names) this.storage.removeItem(n);
    await this.keyStore.delete();
  }
}
