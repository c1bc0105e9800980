// Server-Sent Events framing (https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream),
// as a pure, incremental parser: feed it text chunks split anywhere, get whole messages back.

/**
 * One SSE message: `event` ('message' when the stream named none), `data` (the data lines joined by '\n'),
 * `id` (the id the message carried, or undefined), `lastEventId` (the id in force after it), `retry` (ms, if sent).
 */
export class SseParser {
  constructor() {
    this.buffer = '';
    this.pendingCR = false; // the last chunk ended in '\r': a '\n' opening the next one belongs to it
    this.started = false;
    this.lastEventId = '';
    this.comments = [];
    this.#reset();
  }

  #reset() {
    this.data = [];
    this.event = '';
    this.id = undefined;
    this.retry = undefined;
  }

  /** Feeds a chunk of text; returns the messages it completed (possibly none). */
  push(chunk) {
    let text = chunk;
    if (this.pendingCR && text.startsWith('\n')) {
      text = text.slice(1);
    }
    this.pendingCR = false;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.buffer += text;
    const out = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      const line = this.buffer.slice(start, i);
      if (c === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          this.pendingCR = true;
        }
      }
      start = i + 1;
      const message = this.#line(line);
      if (message) out.push(message);
    }
    this.buffer = this.buffer.slice(start);
    return out;
  }

  /** Comments (heartbeats) seen since the last call, then forgotten. */
  takeComments() {
    const c = this.comments;
    this.comments = [];
    return c;
  }

  #line(line) {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) {
      this.comments.push(line.slice(1).replace(/^ /, ''));
      return null;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.event = value;
        break;
      case 'id':
        if (!value.includes('\0')) {
          this.id = value;
          this.lastEventId = value;
        }
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break; // unknown fields are ignored
    }
    return null;
  }

  #dispatch() {
    const hasData = this.data.length > 0;
    const message = hasData
      ? {
          event: this.event || 'message',
          data: this.data.join('\n'),
          id: this.id,
          lastEventId: this.lastEventId,
          retry: this.retry,
        }
      : null;
    this.#reset();
    return message;
  }
}

/** Parses a whole text at once (tests, small bodies). */
export function parseAll(text) {
  return new SseParser().push(text);
}
