/**
 * Claim → evidence passage → citation, where a document's layout shows it:
 * - a heading written in capitals states a claim ("OUTLINES OF THE SHAKHTY … TRIALS"); what
 *   follows it, up to the next such heading, is offered as its evidence;
 * - a reference line closes the passage written just above it (the lines since the last blank
 *   line, heading or reference; across one blank line when that paragraph has no reference of its own); a reference line with nothing above it (a numbered source
 *   list) introduces the passage below it;
 * - a footnote marker or a reference in parentheses stands for the sentence it ends.
 * Works are attached later (each citation's work), so this module only needs text and spans.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface CitationAt {
  key: string;
  start: number;
  end: number;
  kind: string;
}

export interface EvidenceItem {
  passage: Span;
  citation: string;
}

export interface Claim {
  /** the heading (null: evidence before any heading, or in a source without claim headings) */
  heading: Span | null;
  evidence: EvidenceItem[];
}

/** a heading in capitals: at least three words, letters mostly uppercase, no sentence end inside */
export function isClaimHeading(line: string): boolean {
  const t = line.trim();
  if (t.length < 12 || t.length > 300) return false;
  const letters = t.replace(/[^\p{L}]/gu, '');
  if (letters.length < 10) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length > 0.85 && t.split(/\s+/).length >= 3;
}

const span = (text: string, start: number, end: number): Span => {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end, text: text.slice(start, end) };
};

export function evidenceStructure(text: string, citations: CitationAt[]): Claim[] {
  // line index: start offsets of every line
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (pos: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const lineText = (i: number) => text.slice(lineStarts[i], (lineStarts[i + 1] ?? text.length + 1) - 1);
  const headings: Span[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const t = lineText(i);
    if (isClaimHeading(t)) headings.push(span(text, lineStarts[i]!, lineStarts[i]! + t.length));
  }
  const sorted = [...citations].sort((a, b) => a.start - b.start);
  const refLines = new Set(sorted.filter((c) => c.kind === 'reference-line').map((c) => lineOf(c.start)));
  const headingLines = new Set(headings.map((h) => lineOf(h.start)));
  const boundary = (i: number) => lineText(i).trim() === '' || refLines.has(i) || headingLines.has(i);
  const items: Array<EvidenceItem & { at: number }> = [];
  for (const c of sorted) {
    if (c.kind === 'reference-line') {
      const li = lineOf(c.start);
      // the lines just above, back to a blank line, a heading or another reference (across one
      // blank line when the paragraph above is not closed by a reference of its own)
      let top = li;
      if (top > 1 && lineText(top - 1).trim() === '' && !boundary(top - 2)) top--;
      let first = top;
      while (first > 0 && !boundary(first - 1)) first--;
      if (first < top) {
        items.push({ at: c.start, citation: c.key, passage: span(text, lineStarts[first]!, lineStarts[top]! - 1) });
        continue;
      }
      // nothing above: the passage below (a numbered source list), to the next boundary
      let last = li + 1;
      while (last < lineStarts.length && !boundary(last) && !/^\s*[([]?\d{1,3}[)\].]\s/.test(lineText(last))) last++;
      // allow one blank line between the item and its quotation
      if (last === li + 1 && lineText(li + 1)?.trim() === '') {
        last = li + 2;
        while (last < lineStarts.length && !boundary(last) && !/^\s*[([]?\d{1,3}[)\].]\s/.test(lineText(last))) last++;
        if (last > li + 2) items.push({ at: c.start, citation: c.key, passage: span(text, lineStarts[li + 2]!, (lineStarts[last] ?? text.length + 1) - 1) });
      } else if (last > li + 1) items.push({ at: c.start, citation: c.key, passage: span(text, lineStarts[li + 1]!, (lineStarts[last] ?? text.length + 1) - 1) });
      continue;
    }
    // a marker or a reference in the running text: the sentence it ends or sits in
    const lineStart = lineStarts[lineOf(c.start)]!;
    const before = text.slice(lineStart, c.start);
    const m = /(?:^|[.!?]["”’]?\s+)([^.!?]*?)$/.exec(before);
    const sStart = m ? lineStart + (m.index ?? 0) + m[0].length - m[1]!.length : lineStart;
    const sentence = span(text, sStart, c.kind === 'marker' ? c.start : c.end);
    if (sentence.text.length >= 10) items.push({ at: c.start, citation: c.key, passage: sentence });
  }
  // group under the heading before each item
  const claims: Claim[] = [];
  const byHeading = new Map<number, Claim>();
  const loose: Claim = { heading: null, evidence: [] };
  for (const it of items) {
    let h = -1;
    for (let k = 0; k < headings.length && headings[k]!.start < it.at; k++) h = k;
    const { at: _at, ...item } = it;
    if (h < 0) {
      loose.evidence.push(item);
      continue;
    }
    let c = byHeading.get(h);
    if (!c) byHeading.set(h, (c = { heading: headings[h]!, evidence: [] }));
    c.evidence.push(item);
  }
  if (loose.evidence.length) claims.push(loose);
  for (const k of [...byHeading.keys()].sort((a, b) => a - b)) claims.push(byHeading.get(k)!);
  return claims;
}
