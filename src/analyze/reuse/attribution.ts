/**
 * Where a quoted passage says where it came from: a citation line right after it
 * ("Pritt, Denis Nowell. The Moscow Trial …"), a parenthetical reference, or an attribution
 * around it ("Davies wrote:", "said Trotsky", "according to Littlepage", "— Trotsky").
 */
import { findCitations } from '../citations/detect.js';

export interface Attribution {
  text: string;
  start: number;
  end: number;
  kind: 'citation' | 'speech';
}

const NAME = String.raw`(?:\p{Lu}[\p{L}'’.-]*\.?)(?:\s+(?:\p{Lu}[\p{L}'’.-]*\.?|de|van|von|der))*`;
const VERB = String.raw`(?:wrote|writes|said|says|declared|declares|stated|states|testified|testifies|observed|reported|recalled|remembered|admitted|added|told|explained|insisted|argued|concluded|noted|confessed|cabled|telegraphed|пишет|писал|писала|сказал|сказала|заявил|заявила|показал|показала|вспоминал|вспоминала)`;
const BEFORE = [
  new RegExp(String.raw`(${NAME})(?:,[^,\n]{1,80},|,)?\s+${VERB}(?:\s+(?:that|in\s+[^:\n]{1,60}|of\s+[^:\n]{1,40}))?\s*[:,]?\s*["“«']?\s*$`, 'u'),
  new RegExp(String.raw`(?:according\s+to|in\s+the\s+words\s+of|as\s+(?:${NAME})\s+put\s+it|по\s+словам)\s+(${NAME})[^\n:]{0,60}[:,]?\s*["“«']?\s*$`, 'u'),
  new RegExp(String.raw`(${NAME})\s*:\s*["“«']?\s*$`, 'u'),
];
const AFTER = [
  new RegExp(String.raw`^\s*["”»']?[,.]?\s*${VERB}\s+(${NAME})`, 'u'),
  new RegExp(String.raw`^\s*["”»']?[,.]?\s*(${NAME})\s+${VERB}`, 'u'),
  new RegExp(String.raw`^\s*["”»']?[.,]?\s*[—–-]\s*(${NAME}(?:,\s*[^\n]{0,80})?)`, 'u'),
];

/** the attribution of text[start, end), if the text around it names one */
export function findAttribution(text: string, start: number, end: number): Attribution | null {
  // a citation just after it (same or next line)
  const tail = text.slice(end, Math.min(text.length, end + 400));
  const nl = tail.search(/\n\s*\n|\n(?=\S)/);
  const lineEnd = end + (nl >= 0 ? Math.min(tail.length, tail.indexOf('\n', nl + 1) >= 0 ? tail.indexOf('\n', nl + 1) : tail.length) : tail.length);
  for (const c of findCitations(text, end, Math.min(text.length, lineEnd))) {
    if (c.start - end <= 120) return { text: c.text, start: c.start, end: c.end, kind: 'citation' };
  }
  for (const re of AFTER) {
    const m = re.exec(tail.slice(0, 160));
    if (m) {
      const lead = m[0].search(/\p{L}/u);
      const s = end + m.index + lead;
      return { text: m[0].slice(lead).trim(), start: s, end: s + m[0].slice(lead).trim().length, kind: 'speech' };
    }
  }
  const head = text.slice(Math.max(0, start - 200), start);
  for (const re of BEFORE) {
    const m = re.exec(head);
    if (m) {
      const phrase = m[0].replace(/[\s:,"“«']+$/u, '');
      const s = start - head.length + m.index;
      return { text: phrase, start: s, end: s + phrase.length, kind: 'speech' };
    }
  }
  return null;
}
