// A server-sent events parser for fetch(): EventSource cannot send an Authorization header, so the console
// reads /api/v1/queue/stream with fetch and a ReadableStream and parses the text/event-stream format here.

/** Feeds text chunks in, gets complete events {type, data, id} out; comment lines (keep-alives) are dropped. */
export class SseParser {
  #buffer = '';
  #type = '';
  #data = [];
  #id = '';

  push(chunk) {
    this.#buffer += chunk;
    const events = [];
    for (;;) {
      const match = /\r\n|\n|\r/.exec(this.#buffer);
      // a CR at the very end may be the first half of a CRLF still on its way
      if (!match || (match[0] === '\r' && match.index === this.#buffer.length - 1)) {
        return events;
      }
      const line = this.#buffer.slice(0, match.index);
      this.#buffer = this.#buffer.slice(match.index + match[0].length);
      const event = this.#line(line);
      if (event) {
        events.push(event);
      }
    }
  }

  #line(line) {
    if (line === '') {
      if (this.#data.length === 0) {
        this.#type = '';
        return null;
      }
      const event = {type: this.#type || 'message', data: this.#data.join('\n'), id: this.#id};
      this.#type = '';
      this.#data = [];
      return event;
    }
    if (line.startsWith(':')) {
      return null;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      this.#type = value;
    } else if (field === 'data') {
      this.#data.push(value);
    } else if (field === 'id') {
      this.#id = value;
    }
    return null;
  }
}
