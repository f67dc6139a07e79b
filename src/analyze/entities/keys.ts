/**
 * Name keys across scripts and transliteration schemes.
 *
 * A name is read back to (roughly) the Cyrillic letters it stands for, then written in one
 * fixed key alphabet. Cyrillic text is keyed letter by letter. A Latin spelling is read under
 * each scheme it could plausibly follow: English-style systems (BGN/PCGN, Library of Congress,
 * "scholarly" without diacritics), ISO 9 and scholarly diacritics (č š ž ŝ â û), German
 * (tsch, sch, ch = х, w, j, z) and French (tch, ch = ш, ou, j = ж, -ine, -off). Two spellings name
 * the same surname when their sets of readings share a key. Keys fold what the schemes
 * disagree on (я = ya/ia/ja, й/и/ы, -ий/-y/-ii/-ij, ье = ie/'e/ye, doubled letters, final -ff).
 */

const CYR: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia', і: 'i', ї: 'i', є: 'e', ґ: 'g', ў: 'u',
};

const CYRILLIC_RE = /[\u0400-\u04ff]/;
export function hasCyrillic(s: string): boolean {
  return CYRILLIC_RE.test(s);
}

/** a Latin letter with diacritics that names a scheme's digraph (ISO 9, scholarly, Czech/Polish-style) */
const DIACRITIC_DIGRAPHS: Record<string, string> = {
  č: 'ch', š: 'sh', ž: 'zh', ŝ: 'shch', ć: 'ch', ś: 's', ź: 'z', ż: 'zh', ł: 'l', ñ: 'n', ø: 'o', æ: 'ae',
  â: 'ia', û: 'iu', ŭ: 'u', ß: 'ss', đ: 'd', œ: 'oe',
};

/** strip diacritics, apostrophes (soft signs), and non-letters; keep a-z */
function baseLatin(s: string): string {
  let out = '';
  for (const ch of s.toLowerCase()) {
    const d = DIACRITIC_DIGRAPHS[ch];
    if (d !== undefined) {
      out += d;
      continue;
    }
    const b = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (b >= 'a' && b <= 'z') out += b;
  }
  return out;
}

/** fold a key: collapse doubled letters and the vowel runs the schemes disagree on */
export function foldKey(k: string): string {
  let s = k
    .replace(/([a-z])\1+/g, '$1')
    .replace(/ie/g, 'e'); // Зиновьев: Zinoviev / Zinov'ev / Zinovyev; Ефим: Yefim / Iefim
  return s.replace(/([a-z])\1+/g, '$1');
}

/**
 * Western names as Russian writes them: Rosenberg = Розенберг (s between vowels is з), Ethel = Этель
 * (th is т), Greenglass = Грингласс (ee is и), Esterhazy = Эстерхази (h is х); an Italian or German z
 * is ц (Vanzetti = Ванцетти), a second reading.
 */
const WEST_RULES: Rule[] = [
  [/sch/g, 'Ш'],
  [/sh/g, 'Ш'],
  [/ch/g, 'Ч'],
  [/th/g, 't'],
  [/ph/g, 'f'],
  [/ck/g, 'k'],
  [/zz/g, 'Ц'],
  [/tz/g, 'Ц'],
  [/ee/g, 'i'],
  [/oo/g, 'u'],
  [/([aeiou])s([aeiou])/g, '$1z$2'],
  [/h/g, 'Х'],
  [/w/g, 'u'],
  [/x/g, 'ks'],
  [/q/g, 'k'],
  [/c([eiy])/g, 's$1'],
  [/c/g, 'k'],
  [/y$/g, 'i'],
  [/y/g, 'i'],
  [/j/g, 'dЖ'],
];

/** Cyrillic letters to the key alphabet */
export function cyrillicKey(s: string): string {
  let out = '';
  for (const ch of s.toLowerCase()) {
    const m = CYR[ch];
    if (m !== undefined) out += m;
    else if (ch >= 'a' && ch <= 'z') out += ch;
  }
  return foldKey(out);
}

type Rule = [RegExp, string];

/** English-style systems (BGN/PCGN, LoC without ligatures, common journalistic spellings) */
const EN_RULES: Rule[] = [
  [/dj/g, 'dЖ'],
  [/shch/g, 'Щ'],
  [/sch/g, 'Ш'],
  [/kh/g, 'Х'],
  [/zh/g, 'Ж'],
  [/tch/g, 'Ч'],
  [/ch/g, 'Ч'],
  [/cz/g, 'Ч'],
  [/sh/g, 'Ш'],
  [/sz/g, 'Ш'],
  [/tz/g, 'Ц'],
  [/ts/g, 'Ц'],
  [/ck/g, 'k'],
  [/ph/g, 'f'],
  [/^(y|j)e/g, 'e'],
  [/([aeiou])(y|j)e/g, '$1e'],
  [/(y|j)a/g, 'ia'],
  [/(y|j)u/g, 'iu'],
  [/(y|j)o/g, 'e'],
  [/([bcdfgklmnprstvzЧШЖХЦ])ye/g, '$1e'],
  [/w/g, 'v'],
  [/x/g, 'ks'],
  [/q/g, 'k'],
  [/c([eiy])/g, 'Ц$1'],
  [/c/g, 'k'],
  [/y/g, 'i'],
  [/j$/g, 'i'],
  [/(o|e)f+$/g, '$1v'],
];

/** German: tsch = ч, sch = ш (or ж), ch = х, j = й, w = в, z = ц, s before a vowel = з */
const DE_RULES: Rule[] = [
  [/tsch/g, 'Ч'],
  [/sch/g, 'Ш'],
  [/ch/g, 'Х'],
  [/^je/g, 'e'],
  [/([aeiou])je/g, '$1e'],
  [/ja/g, 'ia'],
  [/ju/g, 'iu'],
  [/jo/g, 'e'],
  [/j/g, 'i'],
  [/w/g, 'v'],
  [/tz/g, 'Ц'],
  [/z/g, 'Ц'],
  [/^s([aeiou])/g, 'z$1'],
  [/([aeiou])s([aeiou])/g, '$1z$2'],
  [/ck/g, 'k'],
  [/y/g, 'i'],
  [/(o|e)f+$/g, '$1v'],
];

/** French: tch = ч, ch = ш, j = ж, ou = у, -ine = -ин, -off/-eff = -ов/-ев, final mute e */
const FR_RULES: Rule[] = [
  [/dj/g, 'dЖ'],
  [/tch/g, 'Ч'],
  [/kh/g, 'Х'],
  [/ch/g, 'Ш'],
  [/ou/g, 'u'],
  [/^ie/g, 'e'],
  [/j/g, 'Ж'],
  [/ine$/g, 'in'],
  [/(o|e)f+$/g, '$1v'],
  [/gu([ei])/g, 'g$1'],
  [/([aeiou])s([aeiou])/g, '$1z$2'],
  [/ï/g, 'i'],
  [/y/g, 'i'],
  [/w/g, 'v'],
  [/e$/g, ''],
];

const PLACEHOLDERS: Record<string, string> = { Щ: 'shch', Ш: 'sh', Х: 'kh', Ж: 'zh', Ч: 'ch', Ц: 'ts' };

function applyRules(s: string, rules: Rule[]): string {
  let t = s;
  for (const [re, to] of rules) t = t.replace(re, to);
  t = t.replace(/[ЩШХЖЧЦ]/g, (m) => PLACEHOLDERS[m] as string);
  return foldKey(t);
}

/** letters that suggest a German spelling; English digraphs (kh, zh, sh) rule it out */
const DE_HINT = /sch|w|tz|^j[aeiou]|ch/;
const EN_ONLY = /kh|zh|(?<!s)sh|shch/;
/** letters that suggest a French spelling */
const FR_HINT = /ou|tch|ine$|j|ff$|ch/;

/**
 * Every key a name could stand for. Cyrillic has one reading; a Latin spelling has its
 * English-style reading and, where its letters suggest them, German and French readings.
 * German "sch" is both ш and ж (Jeschow = Ежов), so that reading gives both.
 */
/** a string function with a bounded cache (names repeat a great deal in a corpus) */
export function memoize<T>(fn: (s: string) => T, max = 200_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string): T => {
    let hit = cache.get(s);
    if (hit === undefined && !cache.has(s)) {
      hit = fn(s);
      if (cache.size >= max) cache.clear();
      cache.set(s, hit);
    }
    return hit as T;
  };
}

export const nameKeys: (name: string) => string[] = memoize(computeNameKeys);

function computeNameKeys(name: string): string[] {
  const raw = name.trim();
  if (raw === '') return [];
  if (hasCyrillic(raw)) {
    const k = cyrillicKey(raw);
    return k ? [k] : [];
  }
  const hasIsoDiacritics = /[čšžŝâû]/i.test(raw);
  const b = baseLatin(raw);
  if (!b) return [];
  const keys = new Set<string>();
  keys.add(applyRules(b, EN_RULES));
  if (!hasIsoDiacritics) {
    if (DE_HINT.test(b) && !EN_ONLY.test(b)) {
      const de = applyRules(b, DE_RULES);
      keys.add(de);
      if (/sch/.test(b)) keys.add(applyRules(b.replace(/(?<!t)sch/g, 'Ж'), DE_RULES));
    }
    if (FR_HINT.test(b)) keys.add(applyRules(b, FR_RULES));
    // (a Western name, read as Russian writes it, only where that reading differs in the letters it changes)
    if (/th|zz|ee|oo|[aeiou]s[aeiou]|h/.test(b)) keys.add(applyRules(b, WEST_RULES));
    // (an Italian or German z is ц: Vanzetti = Ванцетти, Mozart = Моцарт)
    if (/z/.test(b)) keys.add(applyRules(b.replace(/z+/g, 'Ц'), WEST_RULES));
  } else {
    // ISO 9 / scholarly: x and h stand for х, c for ц, j for й
    const iso = raw
      .toLowerCase()
      .replace(/č/g, 'Ч').replace(/š/g, 'Ш').replace(/ž/g, 'Ж').replace(/ŝ/g, 'Щ')
      .replace(/â/g, 'ia').replace(/û/g, 'iu')
      .replace(/x/g, 'Х').replace(/h/g, 'Х').replace(/c/g, 'Ц').replace(/j/g, 'i').replace(/y/g, 'i')
      .normalize('NFD')
      .replace(/[^a-zЩШХЖЧЦ]/g, '');
    keys.add(applyRules(iso, []));
  }
  return [...keys].filter((k) => k.length > 0).sort();
}

/** the first (sorted) key: a stable representative for display and ids */
export const primaryKey: (name: string) => string = memoize(computePrimaryKey);

function computePrimaryKey(name: string): string {
  const keys = nameKeys(name);
  if (hasCyrillic(name) || keys.length <= 1) return keys[0] ?? '';
  // prefer the English-style reading: it is how most users type the name
  const b = baseLatin(name);
  return b ? applyRules(b, EN_RULES) : (keys[0] ?? '');
}

/** key with the weak letters dropped: kh→k, zh→z, double vowels; for near-miss (typo) matching only */
export function looseKey(k: string): string {
  return k.replace(/([kzsc])h/g, '$1').replace(/([a-z])\1+/g, '$1');
}

/** consonant skeleton of a key (for typo evidence: Bakhurin / Bukharin share bkhrn) */
export function skeleton(k: string): string {
  return k.replace(/[aeiou]/g, '');
}

/** Damerau–Levenshtein (optimal string alignment) distance, bounded */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m] as number;
}

/** a folded phrase key for organizations, trials and places: words, diacritics and articles dropped */
export const phraseKey: (s: string) => string = memoize(computePhraseKey);

function computePhraseKey(s: string): string {
  const words = s
    .replace(/[’'`]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
  const out: string[] = [];
  for (const w of words) {
    if (out.length === 0 && (w === 'the' || w === 'a' || w === 'an')) continue;
    if (w === 'of' || w === 'the' || w === 'and' || w === 'for' || w === 'и') continue;
    // Trotskyite / Trotskyist, Zinovievite / Zinovievist name one current
    const ww = hasCyrillic(w) ? w : w.replace(/(?:ites?|ists?)$/, 'ite');
    const alias = PHRASE_FOLD[w];
    const k = alias ?? (hasCyrillic(ww) ? cyrillicKey(ww) : foldKey(baseLatin(ww)));
    if (k) out.push(k);
  }
  return out.join('-');
}

const PHRASE_FOLD: Record<string, string> = {
  center: 'centre',
  centre: 'centre',
  centers: 'centre',
  centres: 'centre',
  trials: 'trial',
  'anti-soviet': 'antisoviet',
  trotskyist: 'trotskiite',
  trotskyite: 'trotskiite',
  trotskist: 'trotskiite',
};

/**
 * Sound-class keys: a coarse reading of a name that survives transcription between scripts and
 * languages, for names that are not Russian to begin with. Russian writes a foreign name by how
 * it sounds in its own language: Hungarian sz = с, s = ш, cs = ч, gy = дь (Szilágyi = Силади,
 * Losonczy = Лошонци, Nagy = Надь), Romanian ș = ш, ce = че (Ceaușescu = Чаушеску), German ö, ü
 * (Göring = Геринг, Lubbe = Люббе), English vowels and soft g (Hayden = Хейден, Dellinger =
 * Деллинджер). Vowels are dropped (they are what the transcriptions disagree on most); consonants
 * fall into classes: S (every sibilant and affricate: s z c ch sh ts с з ш ж ч щ ц), K (k g h q, к г х),
 * J (English j, дж), V (v f w ph, в ф), and one class each for b p d t l m n r. A letter whose sound
 * depends on the language it is read in gives several readings (ch = ч, х, or the т of Japanese ти; g before e/i = г or дж;
 * j = дж, й or ж; w = в or у; h = х or silent). Runs of one class count once. Two spellings may name
 * one person when their readings share a key; the caller decides with what other evidence.
 */
export const soundKeys: (name: string) => string[] = memoize(computeSoundKeys);

const SOUND_CYR: Record<string, string> = {
  б: 'B', в: 'V', г: 'K', д: 'D', ж: 'S', з: 'S', к: 'K', л: 'L', м: 'M', н: 'N', п: 'P', р: 'R', с: 'S', т: 'T',
  ф: 'V', х: 'K', ц: 'S', ч: 'S', ш: 'S', щ: 'S', ґ: 'K',
};
const SOUND_LATIN_SPECIAL: Record<string, string> = { ș: 'ʃ', ş: 'ʃ', ț: 'ʃ', ţ: 'ʃ', ç: 'ʃ', č: 'ʃ', š: 'ʃ', ž: 'ʃ', ć: 'ʃ', ś: 'ʃ', ź: 'ʃ', ż: 'ʃ', ł: 'l', đ: 'd', ß: 's' };
const SOUND_ONE: Record<string, string> = { b: 'B', p: 'P', d: 'D', t: 'T', l: 'L', m: 'M', n: 'N', r: 'R', s: 'S', z: 'S', k: 'K', q: 'K', v: 'V', f: 'V', x: 'KS', 'ʃ': 'S' };
/** Latin letter groups with one reading or several, longest first */
const SOUND_GROUPS: Array<[string, string[]]> = [
  ['tsch', ['S']], ['sch', ['S']], ['dzh', ['J']], ['tch', ['S']],
  ['ch', ['S', 'K', 'T']], ['sh', ['S']], ['zh', ['S']], ['sz', ['S']], ['cz', ['S']], ['cs', ['S']], ['zs', ['S']],
  ['ts', ['S', 'TS']], ['tz', ['S']], ['kh', ['K']], ['gh', ['K']], ['ck', ['K']], ['th', ['T']], ['ph', ['V']],
  ['dj', ['J']], ['qu', ['KV', 'K']], ['gy', ['D', 'K']], ['ly', ['L', '']], ['ny', ['N']], ['ty', ['T']],
];
const SOUND_VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const MAX_SOUND_READINGS = 32;

function collapseRuns(s: string): string {
  return s.replace(/(.)\1+/g, '$1');
}

function computeSoundKeys(name: string): string[] {
  const raw = name.trim().toLowerCase();
  if (!raw) return [];
  if (hasCyrillic(raw)) {
    let out = '';
    for (let i = 0; i < raw.length; i++) {
      const ch = raw[i] as string;
      if (ch === 'д' && raw[i + 1] === 'ж') {
        out += 'J';
        i++;
        continue;
      }
      // (дз writes a Japanese j or z: Тодзио = Tojo)
      if (ch === 'д' && raw[i + 1] === 'з') {
        out += 'S';
        i++;
        continue;
      }
      const c = SOUND_CYR[ch];
      if (c) out += c;
    }
    const k = collapseRuns(out);
    return k ? [k] : [];
  }
  let s = '';
  for (const ch of raw) {
    const sp = SOUND_LATIN_SPECIAL[ch];
    if (sp !== undefined) s += sp;
    else {
      const b = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (b >= 'a' && b <= 'z') s += b;
    }
  }
  let readings = [''];
  const add = (opts: string[]) => {
    const next: string[] = [];
    for (const r of readings) for (const o of opts) if (next.length < MAX_SOUND_READINGS) next.push(r + o);
    readings = next;
  };
  for (let i = 0; i < s.length; ) {
    const group = SOUND_GROUPS.find(([g]) => s.startsWith(g, i));
    if (group) {
      add(group[1]);
      i += group[0].length;
      continue;
    }
    const ch = s[i] as string;
    const next = s[i + 1] ?? '';
    const prev = s[i - 1] ?? '';
    if (SOUND_VOWELS.has(ch)) add(['']);
    // (c before e/i is с or ч; before a/o/u it is к; at the end or before a consonant, к or, in Central Europe, ц: Ferenc = Ференц)
    else if (ch === 'c') add(/[eiy]/.test(next) ? ['S'] : /[aou]/.test(next) ? ['K'] : ['K', 'S']);
    else if (ch === 'g') add(/[eiy]/.test(next) ? ['K', 'J'] : ['K']);
    else if (ch === 'j') add(['J', '', 'S']);
    else if (ch === 'w') add(['V', '']);
    else if (ch === 'h') add(i === 0 ? ['K', ''] : /[rlnm]/.test(prev) ? ['K'] : ['']);
    else add([SOUND_ONE[ch] ?? '']);
    i++;
  }
  return [...new Set(readings.map(collapseRuns).filter((k) => k.length > 0))].sort();
}

/** two spellings share a sound-class reading */
export function soundMatch(a: string, b: string): boolean {
  const kb = new Set(soundKeys(b));
  return soundKeys(a).some((k) => kb.has(k));
}
