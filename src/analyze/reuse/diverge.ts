/**
 * How a copy differs from the fullest text of its family: every difference classified
 * (variant, substitution, insertion, omission marked by an ellipsis, unmarked omission,
 * truncation, transposition), with spans on both sides, and a severity: cosmetic, or
 * meaning-changing (a negation, number, name, date or hedge added, dropped or changed).
 */
import type { Op } from './align.js';
import { fold, type Tokens } from './tokens.js';

export type DivergenceClass = 'variant' | 'substitution' | 'insertion' | 'omission-marked' | 'omission' | 'truncation' | 'transposition';
export type Severity = 'cosmetic' | 'meaning';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Divergence {
  class: DivergenceClass;
  severity: Severity;
  /** what makes it meaning-changing: negation, number, name, date, hedge */
  why?: string;
  /** the span in the base (empty at the point of an insertion) */
  base: Span;
  /** the span in the copy (empty at the point of an unmarked omission; the ellipsis for a marked one) */
  copy: Span;
}

const NEGATIONS = new Set(
  `not no never nor neither none nothing nobody nowhere cannot without
не нет ни никогда ничего никто нигде нельзя без nicht kein keine keinen nie niemals pas jamais ne non aucun`.split(/\s+/),
);
const NUMBER_WORDS = new Set(
  `one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty
thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions dozen dozens half first second third
fourth fifth sixth seventh eighth ninth tenth once twice single double
один одна два две три четыре пять шесть семь восемь девять десять двадцать тридцать сто тысяча тысячи тысяч миллион`.split(/\s+/),
);
const HEDGES = new Set(
  `probably possibly perhaps maybe apparently allegedly reportedly supposedly seemingly seem seems seemed likely unlikely might may could
certainly definitely undoubtedly clearly surely indeed obviously evidently must doubtless presumably purportedly ostensibly
вероятно возможно наверное якобы видимо по-видимому кажется несомненно конечно безусловно`.split(/\s+/),
);
/** quantity and degree: "the majority" → "all", "a reasonable doubt" → "any doubt", "fully" → "partly" */
const QUANTIFIERS = new Set(
  `all any every each some most many few several majority minority only always often sometimes rarely seldom fully partly partially
wholly entirely completely largely mostly more less much little long short
все всё всех любой каждый некоторые многие немногие большинство меньшинство только всегда часто иногда редко полностью частично`.split(/\s+/),
);
/** how sure a statement is: "suspected" → "proven guilty", "alleged", "confirmed" */
const CERTAINTY = new Set(
  `suspected alleged allegedly proven proved confirmed established claimed rumoured rumored supposed accused convicted innocent guilty
подозреваемый доказано якобы виновен невиновен`.split(/\s+/),
);
/** idioms with a negation word that negate nothing */
const NOT_NEGATING = /\b(?:no matter|no doubt|not only|no less|nothing but|not least)\b/i;

const MONTHS = new Set(
  `january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
января февраля марта апреля мая июня июля августа сентября октября ноября декабря`.split(/\s+/),
);
const ELLIPSIS = /\.\s?\.\s?\.|…|\[\s*\.\.\.\s*\]/;

/** negated auxiliaries written as one word: didn't → didnt */
const isNegation = (w: string) => NEGATIONS.has(w) || (w.length > 3 && w.endsWith('nt') && /^(?:do|does|did|is|are|was|were|has|have|had|could|would|should|wo|ca|must|need|ai)nt$/.test(w));

/** the same characters (ASCII case aside), compared in place */
function sameSurface(a: string, as: number, ae: number, b: string, bs: number, be: number): boolean {
  if (ae - as !== be - bs) return false;
  for (let i = 0; i < ae - as; i++) {
    const x = a.charCodeAt(as + i);
    const y = b.charCodeAt(bs + i);
    if (x !== y && !(x < 128 && y < 128 && (x | 0x20) === (y | 0x20) && (x | 0x20) >= 97 && (x | 0x20) <= 122)) return false;
  }
  return true;
}

/** what in these words would change the meaning if added, dropped or changed */
function meaningOf(words: string[], surfaces: string[], text = ''): string | null {
  if (!NOT_NEGATING.test(text)) for (const w of words) if (isNegation(w)) return 'negation';
  for (const w of words) if (/\d/.test(w) || NUMBER_WORDS.has(w)) return 'number';
  for (const w of words) if (MONTHS.has(w) && w !== 'may') return 'date';
  for (const w of words) if (HEDGES.has(w) || CERTAINTY.has(w)) return 'hedge';
  for (const w of words) if (QUANTIFIERS.has(w)) return 'quantity';
  for (const s of surfaces) if (/^\p{Lu}/u.test(s) && !/^(?:I|The|A|An|And|But|It|He|She|They|We|This|That|In|On|At|Of)$/.test(s)) return 'name';
  return null;
}

export interface Side {
  text: string;
  tokens: Tokens;
  /** token range of the occurrence */
  t0: number;
  t1: number;
}

const span = (s: Side, i0: number, i1: number): Span => {
  if (i1 <= i0) {
    // an empty span at the point between tokens i0-1 and i0
    const at = i0 <= s.t0 ? s.tokens.starts[s.t0]! : i0 >= s.t1 ? s.tokens.ends[s.t1 - 1]! : s.tokens.starts[i0]!;
    return { start: at, end: at, text: '' };
  }
  const start = s.tokens.starts[i0]!;
  const end = s.tokens.ends[i1 - 1]!;
  return { start, end, text: s.text.slice(start, end) };
};
const spanText = (s: Side, i0: number, i1: number) => (i1 > i0 ? s.text.slice(s.tokens.starts[i0], s.tokens.ends[i1 - 1]) : '');
const words = (s: Side, i0: number, i1: number) => {
  const out: string[] = [];
  for (let i = i0; i < i1; i++) out.push(fold(s.text.slice(s.tokens.starts[i], s.tokens.ends[i])));
  return out;
};
const surfaces = (s: Side, i0: number, i1: number) => {
  const out: string[] = [];
  for (let i = i0; i < i1; i++) {
    const w = s.text.slice(s.tokens.starts[i], s.tokens.ends[i]);
    // sentence-initial capitals say nothing about names
    const before = s.text.slice(Math.max(0, s.tokens.starts[i]! - 3), s.tokens.starts[i]);
    if (i > 0 && !/[.!?:"“«]\s*$/.test(before)) out.push(w);
  }
  return out;
};
const sameBag = (x: string[], y: string[]) => x.length === y.length && x.length > 0 && [...x].sort().join('\u0000') === [...y].sort().join('\u0000');

/**
 * Classify the differences of an alignment of base (A) and copy (B). The ops must cover the
 * aligned stretch; base tokens of the occurrence outside it are truncations.
 */
export function classify(base: Side, copy: Side, ops: Op[]): Divergence[] {
  const out: Divergence[] = [];
  const add = (cls: DivergenceClass, a0: number, a1: number, b0: number, b1: number, copySpan?: Span) => {
    // (computed only where needed: noisy copies have thousands of variants)
    const changed = () => [...words(base, a0, a1), ...words(copy, b0, b1)];
    let why: string | null = null;
    if (cls === 'variant') {
      // a variant of a negation, number or hedge word is a change of that word
      const w = changed();
      if (w.some((x) => isNegation(x) || NUMBER_WORDS.has(x) || HEDGES.has(x) || /\d/.test(x))) why = meaningOf(w, []);
    } else if (cls === 'transposition') {
      why = null;
    } else if (cls === 'substitution') {
      const sb = surfaces(base, a0, a1);
      const sc = surfaces(copy, b0, b1);
      const names = sb.some((x) => /^\p{Lu}/u.test(x)) && sc.some((x) => /^\p{Lu}/u.test(x));
      why = meaningOf(changed(), names ? [...sb, ...sc] : [], spanText(base, a0, a1) + ' ' + spanText(copy, b0, b1));
    } else if (cls === 'truncation' && a0 === base.t0 && a1 - a0 <= 8) {
      // a leading clause cut off ("I think it quite possible that …"): the rest now stands unqualified
      const w = words(base, a0, a1);
      why = w.some((x) => HEDGES.has(x) || CERTAINTY.has(x)) ? 'hedge' : w.some(isNegation) && !NOT_NEGATING.test(spanText(base, a0, a1)) ? 'negation' : null;
    } else if ((cls === 'omission-marked' || cls === 'omission' || cls === 'truncation') && a1 - a0 > 4) {
      // a long cut leaves the kept words as they were: cosmetic (what was cut is listed)
      why = null;
    } else {
      why = meaningOf(changed(), [], spanText(base, a0, a1) + ' ' + spanText(copy, b0, b1)) ?? null;
    }
    out.push({ class: cls, severity: why ? 'meaning' : 'cosmetic', ...(why ? { why } : {}), base: span(base, a0, a1), copy: copySpan ?? span(copy, b0, b1) });
  };
  if (ops.length === 0) return out;
  // truncation: the copy starts later or stops earlier than the base
  const first = ops[0]!;
  const last = ops[ops.length - 1]!;
  if (first.a0 > base.t0 && first.b0 <= copy.t0 + 1) add('truncation', base.t0, first.a0, first.b0, first.b0);
  const done = new Set<number>();
  for (let i = 0; i < ops.length; i++) {
    if (done.has(i)) continue;
    const o = ops[i]!;
    if (o.op === 'eq') {
      // same folded word, different spelling (accents, apostrophes, hyphens: чём/чем, Lenin's/Lenins, weighbridge/weigh-bridge)
      for (let k = 0; k < o.a1 - o.a0; k++) {
        const as = base.tokens.starts[o.a0 + k]!;
        const ae = base.tokens.ends[o.a0 + k]!;
        const bs = copy.tokens.starts[o.b0 + k]!;
        const be = copy.tokens.ends[o.b0 + k]!;
        if (sameSurface(base.text, as, ae, copy.text, bs, be)) continue;
        const x = base.text.slice(as, ae).toLowerCase();
        const y = copy.text.slice(bs, be).toLowerCase();
        if (x !== y && x.replace(/['’]/g, "'") !== y.replace(/['’]/g, "'")) add('variant', o.a0 + k, o.a0 + k + 1, o.b0 + k, o.b0 + k + 1);
      }
      continue;
    }
    // transposition: a short window of changes whose words on both sides are the same bag
    let trans = -1;
    for (let j = i + 1; j < Math.min(ops.length, i + 5) && o.a1 - o.a0 <= 12 && o.b1 - o.b0 <= 12; j++) {
      if (ops[j]!.a1 - o.a0 > 12 || ops[j]!.b1 - o.b0 > 12) break;
      const a = words(base, o.a0, ops[j]!.a1);
      const b = words(copy, o.b0, ops[j]!.b1);
      if (a.length <= 12 && sameBag(a, b) && ops[j]!.op !== 'eq') {
        trans = j;
        break;
      }
    }
    if (trans >= 0) {
      add('transposition', o.a0, ops[trans]!.a1, o.b0, ops[trans]!.b1);
      for (let k = i; k <= trans; k++) done.add(k);
      continue;
    }
    if (o.op === 'var') {
      add('variant', o.a0, o.a1, o.b0, o.b1);
      continue;
    }
    // the text of the copy where base words are missing: an ellipsis marks the cut
    const gapStart = o.b0 > copy.t0 ? copy.tokens.ends[o.b0 - 1]! : copy.tokens.starts[copy.t0]!;
    const gapEnd = o.b1 < copy.t1 ? copy.tokens.starts[o.b1]! : copy.tokens.ends[copy.t1 - 1]!;
    const between = copy.text.slice(gapStart, gapEnd);
    const ell = ELLIPSIS.exec(between);
    if (o.op === 'sub' && ell) {
      // words put in where others were cut with an ellipsis: an insertion and a marked omission
      const at = gapStart + ell.index;
      add('omission-marked', o.a0, o.a1, o.b0, o.b0, { start: at, end: at + ell[0].length, text: ell[0] });
      add('insertion', o.a1, o.a1, o.b0, o.b1);
      continue;
    }
    if (o.op === 'del') {
      if (ell) {
        const at = gapStart + ell.index;
        add('omission-marked', o.a0, o.a1, o.b0, o.b1, { start: at, end: at + ell[0].length, text: ell[0] });
      } else add('omission', o.a0, o.a1, o.b0, o.b1);
      continue;
    }
    if (o.op === 'ins') {
      // words before the first or after the last aligned word are the copy's own context (an
      // attribution, a citation, a list number): cosmetic unless they negate
      if (i === 0 || i === ops.length - 1) {
        const neg = words(copy, o.b0, o.b1).some(isNegation) && o.b1 - o.b0 <= 4;
        out.push({ class: 'insertion', severity: neg ? 'meaning' : 'cosmetic', ...(neg ? { why: 'negation' } : {}), base: span(base, o.a0, o.a1), copy: span(copy, o.b0, o.b1) });
        continue;
      }
      add('insertion', o.a0, o.a1, o.b0, o.b1);
      continue;
    }
    // a substitution that also drops or adds many words is reported as a substitution plus the rest
    const la = o.a1 - o.a0;
    const lb = o.b1 - o.b0;
    if (la >= lb + 3) {
      add('substitution', o.a0, o.a0 + lb, o.b0, o.b1);
      add('omission', o.a0 + lb, o.a1, o.b1, o.b1);
    } else if (lb >= la + 3) {
      add('substitution', o.a0, o.a1, o.b0, o.b0 + la);
      add('insertion', o.a1, o.a1, o.b0 + la, o.b1);
    } else add('substitution', o.a0, o.a1, o.b0, o.b1);
  }
  if (last.a1 < base.t1 && last.b1 >= copy.t1 - 1) add('truncation', last.a1, base.t1, last.b1, last.b1);
  return pairTranspositions(out, base, copy);
}

const STOP = new Set('the a an of and or to in on at for with by as that this it is was и в на с не что как по к из'.split(' '));

/** an insertion and a nearby omission (or truncation) of the same words: the words were moved */
function pairTranspositions(divs: Divergence[], base: Side, copy: Side): Divergence[] {
  const bag = (t: string) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w && !STOP.has(w)).sort();
  const same = (x: string[], y: string[]) => {
    if (x.length === 0 || y.length === 0 || x.length > 12 || y.length > 12) return false;
    const sy = new Set(y);
    const inter = x.filter((w) => sy.has(w)).length;
    return inter / Math.max(x.length, y.length) >= 0.75;
  };
  if (!divs.some((d) => d.class === 'insertion')) return divs;
  // pair each insertion with a nearby omission of the same words; the pair becomes one transposition
  const partner = new Map<number, number>();
  const taken = new Set<number>();
  const bags = new Map<number, string[]>();
  const bagOf = (k: number, t: string) => {
    let b = bags.get(k);
    if (!b) bags.set(k, (b = bag(t)));
    return b;
  };
  divs.forEach((d, i) => {
    if (d.class !== 'insertion' || d.copy.text.length > 200) return;
    const mine = bagOf(i, d.copy.text);
    for (let k = Math.max(0, i - 3); k <= Math.min(divs.length - 1, i + 3); k++) {
      const e = divs[k]!;
      if (taken.has(k) || (e.class !== 'omission' && e.class !== 'truncation') || e.base.text.length > 200) continue;
      if (!same(mine, bagOf(-1 - k, e.base.text))) continue;
      taken.add(k);
      partner.set(i, k);
      break;
    }
  });
  const out: Divergence[] = [];
  divs.forEach((d, i) => {
    if (taken.has(i)) return;
    const j = partner.get(i);
    out.push(j === undefined ? d : { class: 'transposition', severity: 'cosmetic', base: divs[j]!.base, copy: d.copy });
  });
  void base;
  void copy;
  return out;
}

/** the occurrence's severity and a one-line summary of its divergences */
export function summarize(divs: Divergence[]): { severity: 'none' | Severity; summary: string } {
  if (divs.length === 0) return { severity: 'none', summary: 'identical (up to case and punctuation)' };
  const counts = new Map<DivergenceClass, number>();
  for (const d of divs) counts.set(d.class, (counts.get(d.class) ?? 0) + 1);
  const names: Record<DivergenceClass, [string, string]> = {
    variant: ['spelling variant', 'spelling variants'],
    substitution: ['word substitution', 'word substitutions'],
    insertion: ['insertion', 'insertions'],
    'omission-marked': ['omission marked by an ellipsis', 'omissions marked by an ellipsis'],
    omission: ['unmarked omission', 'unmarked omissions'],
    truncation: ['truncation', 'truncations'],
    transposition: ['transposition', 'transpositions'],
  };
  const parts = [...counts].map(([c, n]) => `${n} ${names[c][n === 1 ? 0 : 1]}`);
  const meaning = divs.filter((d) => d.severity === 'meaning');
  let summary = parts.join(', ');
  if (meaning.length) {
    const whys = [...new Set(meaning.map((d) => d.why))];
    const ex = meaning
      .slice(0, 3)
      .map((d) => `${d.base.text ? `"${d.base.text}"` : '∅'} → ${d.copy.text && d.class !== 'omission-marked' ? `"${d.copy.text}"` : '∅'}`)
      .join('; ');
    summary += `; meaning-changing (${whys.join(', ')}): ${ex}`;
  }
  return { severity: meaning.length ? 'meaning' : 'cosmetic', summary };
}
