// The live event stream over fetch (EventSource cannot send the Authorization header): reconnects with backoff and
// Last-Event-ID, so a pause, a dropped connection or a gateway restart loses nothing the buffer still holds.
import { SseParser } from './sse.js';
import { backoffMs } from './events.js';

export class EventStream {
  /**
   * @param {object} o
   * @param {string} o.url the stream URL with its filter
   * @param {() => string|null} o.token the current bearer token
   * @param {(message) => void} o.onMessage every message but stream.gap
   * @param {(info) => void} o.onMarker reconnects and gaps: {kind: 'resumed'|'reconnected'|'gap', detail, lastId}
   * @param {(state, detail) => void} o.onState 'connecting' | 'connected' | 'reconnecting' | 'paused' | 'stopped'
   * @param {(status, problem) => void} o.onFatal an answer that retrying will not fix (401, 403, 400)
   */
  constructor({ url, token, onMessage, onMarker, onState, onFatal, fetchImpl, idleMs = 45_000 }) {
    this.idleMs = idleMs; // the gateway sends a heartbeat every 15 s: silence this long means a dead connection
    this.url = url;
    this.token = token;
    this.onMessage = onMessage;
    this.onMarker = onMarker;
    this.onState = onState;
    this.onFatal = onFatal;
    this.fetch = fetchImpl ?? ((...a) => globalThis.fetch(...a));
    this.lastId = null;
    this.controller = null;
    this.running = false;
    this.connections = 0;
    this.loopId = 0; // a loop left over from before a pause/resume must stop, not run beside the new one
    this.firstConnectedAt = null; // without any id yet, a reconnect asks for what came since this instant
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.#loop(++this.loopId);
  }

  /** Stops reading (the connection is closed); start() again resumes after the last id. */
  pause() {
    this.running = false;
    this.controller?.abort();
    this.onState?.('paused');
  }

  stop() {
    this.running = false;
    this.controller?.abort();
    this.onState?.('stopped');
  }

  async #loop(id) {
    let failures = 0;
    const mine = () => this.running && id === this.loopId;
    while (mine()) {
      const controller = new AbortController();
      this.controller = controller;
      this.onState?.(this.connections === 0 && failures === 0 ? 'connecting' : 'reconnecting');
      try {
        const headers = { Accept: 'text/event-stream' };
        const token = this.token();
        if (token) headers.Authorization = `Bearer ${token}`;
        if (this.lastId) headers['Last-Event-ID'] = this.lastId;
        let url = this.url;
        if (!this.lastId && this.firstConnectedAt) {
          url += `${url.includes('?') ? '&' : '?'}since=${encodeURIComponent(this.firstConnectedAt)}`;
        }
        const res = await this.fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
        if (!mine()) {
          controller.abort();
          return;
        }
        if (!res.ok) {
          let problem = null;
          try {
            problem = await res.json();
          } catch {
            /* not a problem document */
          }
          if ([400, 401, 403, 404].includes(res.status)) {
            this.running = false;
            this.onState?.('stopped');
            this.onFatal?.(res.status, problem);
            return;
          }
          throw new Error(problem?.detail ?? `HTTP ${res.status}`);
        }
        if (this.connections > 0) {
          this.onMarker?.(this.lastId
            ? { kind: 'resumed', lastId: this.lastId }
            : { kind: 'resumed-by-time', since: this.firstConnectedAt });
        }
        this.connections++;
        this.firstConnectedAt ??= new Date().toISOString();
        failures = 0;
        this.onState?.('connected');
        await this.#read(res.body, controller);
        if (!mine()) return;
        throw new Error('连接已关闭');
      } catch (e) {
        if (!mine() || (controller.signal.aborted && !controller.stalled)) return;
        failures++;
        this.onState?.('reconnecting', e?.message);
        await this.#sleep(backoffMs(failures));
      }
    }
  }

  async #read(body, controller) {
    const { signal } = controller;
    const reader = body.getReader();
    const decoder = new TextDecoder('utf-8');
    const parser = new SseParser();
    let watchdog;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        controller.stalled = true;
        controller.abort();
        reader.cancel().catch(() => {});
      }, this.idleMs);
    };
    // an abort (pause, stop, the watchdog) ends a read that is waiting, whatever the body does with the signal
    const onAbort = () => {
      clearTimeout(watchdog);
      reader.cancel().catch(() => {});
    };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      arm();
      while (!signal.aborted) {
        const { value, done } = await reader.read();
        if (done) break;
        arm();
        for (const m of parser.push(decoder.decode(value, { stream: true }))) {
          if (m.event === 'stream.gap') {
            let detail = m.data;
            try {
              detail = JSON.parse(m.data).detail ?? m.data;
            } catch {
              /* plain text */
            }
            this.onMarker?.({ kind: 'gap', detail });
          } else {
            if (m.id) this.lastId = m.id;
            this.onMessage?.(m);
          }
        }
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      clearTimeout(watchdog);
      try {
        reader.releaseLock();
      } catch {
        /* already released */
      }
    }
  }

  #sleep(ms) {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.controller?.signal.addEventListener('abort', () => {
        clearTimeout(t);
        resolve();
      }, { once: true });
    });
  }
}
