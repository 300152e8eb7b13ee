// Builds elements from data without ever parsing HTML. Comment text, names and ids are untrusted: they
// go in as text nodes only, attributes go through setAttribute and only the names allowed below, so no
// event-handler attribute (onerror, onclick, ...) can come from data. The page's Content-Security-Policy
// enforces Trusted Types as a second line: innerHTML and the like throw if anything ever tries.

const ATTRIBUTES = new Set(['class', 'id', 'type', 'title', 'role', 'tabindex', 'for', 'name', 'value',
  'datetime', 'hidden', 'disabled', 'checked', 'lang', 'dir', 'rel', 'target']);

/** el('p', {class: 'meta'}, 'text', otherNode): an element with text and child nodes. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (!ATTRIBUTES.has(name) && !name.startsWith('aria-') && !name.startsWith('data-')) {
      throw new Error(`attribute not allowed: ${name}`);
    }
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Appends nodes and strings (as text); null, undefined and false are skipped. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : String(child));
  }
  return parent;
}

/** Replaces an element's content with the given nodes and strings. */
export function fill(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** A link only for http(s) URLs; anything else (javascript:, data:) becomes plain text. */
export function link(url, text) {
  if (!url) {
    return document.createTextNode(text);
  }
  try {
    const parsed = new URL(url, location.href);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      const a = el('a', {rel: 'noopener noreferrer', target: '_blank'}, text);
      a.href = parsed.href;
      return a;
    }
  } catch {
    // not a URL: fall through to text
  }
  return document.createTextNode(text);
}

/** A <time> element in the reader's locale; the ISO instant stays in datetime. */
export function time(iso) {
  if (!iso) {
    return document.createTextNode('');
  }
  const date = new Date(iso);
  return el('time', {datetime: iso, title: iso}, Number.isNaN(date.getTime()) ? iso : date.toLocaleString());
}
