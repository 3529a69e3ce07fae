// Server-sent events as both model APIs stream them (WHATWG "event stream" format): lines end in
// LF, CRLF or CR, `:` starts a comment, `data:` lines accumulate until a blank line dispatches the
// event. Network reads split the stream anywhere — inside a line, a CRLF pair or a UTF-8 character —
// so bytes are decoded in streaming mode and only whole lines are interpreted.

export interface SseEvent {
  /** The `event:` field; 'message' when the event has none (OpenAI never names its events). */
  event: string;
  /** The `data:` lines joined with LF. */
  data: string;
}

// No event of either API comes near this; a server that never ends a line must not fill the memory.
const MAX_LINE_CHARS = 1_048_576;

/**
 * Yields each dispatched event of `body`. An event cut off by the end of the stream (no blank line
 * after it) is dropped, as the format requires: it may be incomplete.
 */
export async function* readSse(body: AsyncIterable<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let pending = '';
  let event = '';
  let data: string[] = [];
  // Per stream: a shared /g regex would carry one stream's lastIndex into another's.
  const lineEnd = /\r\n|\r|\n/g;

  function* take(text: string, final: boolean): Generator<SseEvent> {
    pending += text;
    let start = 0;
    lineEnd.lastIndex = 0;
    for (let m = lineEnd.exec(pending); m !== null; m = lineEnd.exec(pending)) {
      // A CR at the very end may be the first half of a CRLF whose LF is in the next read.
      if (m[0] === '\r' && m.index === pending.length - 1 && !final) break;
      const line = pending.slice(start, m.index);
      start = m.index + m[0].length;
      if (line === '') {
        if (data.length > 0) yield { event: event || 'message', data: data.join('\n') };
        event = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data') data.push(value);
      else if (field === 'event') event = value;
      // `id` and `retry` only matter to a reconnecting EventSource; an answer is never resumed.
    }
    pending = pending.slice(start);
    if (pending.length > MAX_LINE_CHARS) {
      throw new Error(`event stream line longer than ${MAX_LINE_CHARS} characters`);
    }
  }

  for await (const bytes of body) yield* take(decoder.decode(bytes, { stream: true }), false);
  yield* take(decoder.decode(), true);
}
