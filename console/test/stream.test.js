import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventStream } from '../src/lib/stream.js';

/** A fake fetch: each call takes the next scripted answer; records the headers and URL it was called with. */
function scripted(answers) {
  const calls = [];
  const impl = async (url, init) => {
    calls.push({ url, headers: { ...init.headers } });
    const next = answers.shift();
    if (!next) return new Promise(() => {}); // hangs like an idle stream
    if (next.status && next.status !== 200) {
      return new Response(JSON.stringify({ detail: '无权限' }), { status: next.status });
    }
    const body = new ReadableStream({
      start(c) {
        for (const chunk of next.chunks) c.enqueue(new TextEncoder().encode(chunk));
        if (next.close) c.close();
      },
    });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  };
  return { impl, calls };
}

const until = async (check) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(check());
};

test('reconnects after the stream ends, sending Last-Event-ID, and marks the resumption; gaps are reported', async (t) => {
  t.mock.method(Math, 'random', () => 0);
  const { impl, calls } = scripted([
    { chunks: [': hi\n\n', 'id: p1\nevent: ticket.created\ndata: {"a":', '1}\n\n'], close: true },
    { chunks: ['event: stream.gap\ndata: {"detail":"dropped"}\n\nid: p2\nevent: team.activated\ndata: {}\n\n'] },
  ]);
  const messages = [];
  const markers = [];
  const states = [];
  const s = new EventStream({ url: '/s?type=x', token: () => 'TOKEN', fetchImpl: impl,
    onMessage: (m) => messages.push(m), onMarker: (m) => markers.push(m), onState: (st) => states.push(st) });
  s.start();
  await until(() => messages.length === 2);
  s.stop();
  assert.deepEqual(messages.map((m) => m.id), ['p1', 'p2']);
  assert.equal(calls[0].headers.Authorization, 'Bearer TOKEN');
  assert.equal(calls[0].headers['Last-Event-ID'], undefined);
  assert.equal(calls[1].headers['Last-Event-ID'], 'p1');
  assert.deepEqual(markers, [{ kind: 'resumed', lastId: 'p1' }, { kind: 'gap', detail: 'dropped' }]);
  assert.deepEqual(states.slice(0, 4), ['connecting', 'connected', 'reconnecting', 'reconnecting']);
  assert.ok(states.includes('connected'));
});

test('pause aborts; start resumes from the last id', async () => {
  const { impl, calls } = scripted([
    { chunks: ['id: a\ndata: 1\n\n'] },
    { chunks: ['id: b\ndata: 2\n\n'] },
  ]);
  const got = [];
  const states = [];
  const s = new EventStream({ url: '/s', token: () => 't', fetchImpl: impl,
    onMessage: (m) => got.push(m.id), onState: (st) => states.push(st) });
  s.start();
  await until(() => got.length === 1);
  s.pause();
  assert.equal(states.at(-1), 'paused');
  s.start();
  await until(() => got.length === 2);
  s.stop();
  assert.equal(calls.length, 2);
  assert.equal(calls[1].headers['Last-Event-ID'], 'a');
});

test('without an id yet, a reconnect asks for what came since the first connection', async () => {
  const { impl, calls } = scripted([{ chunks: [': only a comment\n\n'] }, { chunks: [] }]);
  const s = new EventStream({ url: '/s?type=a', token: () => 't', fetchImpl: impl });
  s.start();
  await until(() => calls.length === 1);
  await new Promise((r) => setTimeout(r, 20));
  s.pause();
  s.start();
  await until(() => calls.length === 2);
  s.stop();
  assert.match(calls[1].url, /^\/s\?type=a&since=\d{4}-\d\d-\d\dT/);
});

test('401 and 403 stop the stream and are reported, not retried', async () => {
  const { impl, calls } = scripted([{ status: 403 }]);
  let fatal;
  const s = new EventStream({ url: '/s', token: () => 't', fetchImpl: impl, onFatal: (st, p) => { fatal = [st, p]; } });
  s.start();
  await until(() => fatal);
  assert.deepEqual(fatal, [403, { detail: '无权限' }]);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(calls.length, 1);
});

test('a connection silent for longer than the heartbeat allows is dropped and resumed', async () => {
  const { impl, calls } = scripted([{ chunks: ['id: s1\ndata: x\n\n'] }, { chunks: ['id: s2\ndata: y\n\n'] }]);
  const got = [];
  const markers = [];
  const s = new EventStream({ url: '/s', token: () => 't', fetchImpl: impl, idleMs: 50,
    onMessage: (m) => got.push(m.id), onMarker: (m) => markers.push(m) });
  s.start();
  await until(() => got.length === 2);
  s.stop();
  assert.equal(calls[1].headers['Last-Event-ID'], 's1');
  assert.deepEqual(markers, [{ kind: 'resumed', lastId: 's1' }]);
});
