import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SseParser, parseAll } from '../src/lib/sse.js';

const STREAM = ': 科创中国 events\n\nid: p1\nevent: ticket.created\ndata: {"a":1}\n\n: heartbeat\n\n'
  + 'event: stream.gap\ndata: {"detail":"dropped"}\n\nid: p2\ndata: line1\ndata: line2\n\n';

test('whole stream: id, event, comments, multi-line data', () => {
  const p = new SseParser();
  const m = p.push(STREAM);
  assert.equal(m.length, 3);
  assert.deepEqual([m[0].id, m[0].event, m[0].data], ['p1', 'ticket.created', '{"a":1}']);
  assert.deepEqual([m[1].id, m[1].event, m[1].lastEventId], [undefined, 'stream.gap', 'p1']);
  assert.deepEqual([m[2].id, m[2].event, m[2].data], ['p2', 'message', 'line1\nline2']);
  assert.deepEqual(p.takeComments(), ['科创中国 events', 'heartbeat']);
});

test('chunks split at every position give the same messages', () => {
  const whole = parseAll(STREAM);
  for (let i = 0; i <= STREAM.length; i++) {
    for (const j of [i, Math.min(STREAM.length, i + 1), Math.min(STREAM.length, i + 7)]) {
      const p = new SseParser();
      const got = [...p.push(STREAM.slice(0, i)), ...p.push(STREAM.slice(i, j)), ...p.push(STREAM.slice(j))];
      assert.deepEqual(got, whole, `split at ${i}/${j}`);
    }
  }
});

test('CRLF and lone CR line endings, CR split from LF across chunks', () => {
  const crlf = STREAM.replace(/\n/g, '\r\n');
  assert.deepEqual(parseAll(crlf), parseAll(STREAM));
  assert.deepEqual(parseAll(STREAM.replace(/\n/g, '\r')), parseAll(STREAM));
  const p = new SseParser();
  const a = p.push('id: x\r\ndata: 1\r');
  const b = p.push('\n\r');
  const c = p.push('\n');
  assert.deepEqual([...a, ...b, ...c].map((m) => [m.id, m.data]), [['x', '1']]);
});

test('byte order mark, field without colon, no space after colon, retry, unknown fields', () => {
  const m = parseAll('\uFEFFdata\ndata:x\nretry: 3000\nfoo: bar\n\n');
  assert.equal(m.length, 1);
  assert.equal(m[0].data, '\nx');
  assert.equal(m[0].retry, 3000);
});

test('an event without data is not dispatched but its id counts; an id with NUL is ignored', () => {
  const p = new SseParser();
  assert.deepEqual(p.push('id: 7\n\n'), []);
  assert.equal(p.lastEventId, '7');
  assert.deepEqual(p.push('id: a\0b\ndata: y\n\n').map((m) => m.lastEventId), ['7']);
});

test('Chinese text split inside a multi-byte sequence decodes via a streaming TextDecoder', () => {
  const bytes = new TextEncoder().encode('data: 项目名称\n\n');
  const d = new TextDecoder();
  const p = new SseParser();
  const out = [];
  for (let i = 0; i < bytes.length; i++) out.push(...p.push(d.decode(bytes.subarray(i, i + 1), { stream: true })));
  assert.equal(out[0].data, '项目名称');
});
