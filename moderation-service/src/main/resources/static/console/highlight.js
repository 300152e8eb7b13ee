// Renders a comment's text with every matched span marked and labelled by its category.
//
// Offsets are the verdict's start/end: half-open UTF-16 ranges into the original text, which is exactly
// how JavaScript strings index, so text.slice(start, end) is the matched text. Spans may overlap or nest
// (two rules on one word): the text is cut at every span boundary and each piece is marked with all the
// spans covering it, so every character is rendered once, in order, whatever the spans.

/**
 * @param {string} text the original text
 * @param {{start:number,end:number,category:string,ruleId:string,severity:number}[]} spans
 * @returns {DocumentFragment}
 */
export function highlighted(text, spans) {
  const valid = (spans || []).filter(s => Number.isInteger(s.start) && Number.isInteger(s.end)
    && s.start >= 0 && s.start < s.end && s.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const span of valid) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i];
    const to = points[i + 1];
    const piece = text.slice(from, to);
    const covering = valid.filter(s => s.start <= from && to <= s.end);
    if (covering.length === 0) {
      fragment.append(document.createTextNode(piece));
    } else {
      const mark = document.createElement('mark');
      const categories = unique(covering.map(s => category(s)));
      mark.className = ['hl', ...categories.map(c => `cat-${c}`), covering.length > 1 ? 'hl-overlap' : '']
        .filter(Boolean).join(' ');
      mark.dataset.categories = categories.join(' ');
      mark.dataset.rules = unique(covering.map(s => String(s.ruleId ?? ''))).join(' ');
      mark.title = covering.map(s => `${s.ruleId ?? 'rule'}: ${category(s)}, severity ${s.severity ?? '?'}`)
        .join('\n');
      mark.append(document.createTextNode(piece));
      fragment.append(mark);
    }
    const ending = valid.filter(s => s.end === to);
    if (ending.length > 0) {
      const label = document.createElement('span');
      label.className = 'hl-label';
      label.append(document.createTextNode(unique(ending.map(s => category(s))).join(' · ')));
      fragment.append(label);
    }
  }
  return fragment;
}

/** A category as a class-name-safe lower-case word. */
export function category(span) {
  return String(span.category ?? 'other').toLowerCase().replace(/[^a-z0-9-]/g, '') || 'other';
}

function unique(values) {
  return [...new Set(values)];
}
