/**
 * bench/generate.ts — deterministic synthetic corpus generator for Inquiry benchmarks.
 *
 * Builds a corpus of plain-text files (~50–200 KB each) by concatenating
 * paragraph-aligned *stretches* (1–40 consecutive seed lines) copied from random
 * offsets of the seed corpus (corpus/moscow-trials/*.txt by default), then noising
 * each stretch with random edits: OCR-like character confusions (rn↔m, l↔1, e↔c,
 * O↔0, cl↔d, dropped/added letters), word substitutions, insertions, deletions and
 * occasional line-break changes (a paragraph split in two, or two joined).
 *
 * The seeds' layout is kept: one paragraph per line, blank lines only where the
 * seed has a blank line inside the copied stretch or right before it. Edits never
 * create blank or whitespace-padded lines.
 *
 * Beside the corpus directory `<out>` it writes:
 *   <out>.provenance.jsonl  one record per copied stretch (see ProvenanceRecord)
 *   <out>.meta.json         seed, size, file/paragraph counts, generator version
 *
 * Everything is driven by one seeded PRNG (sfc32, seeded through cyrb128), and
 * nothing depends on time, paths or iteration order of the file system, so the
 * same seed + options give byte-identical output. Files are generated and written
 * one at a time, so memory stays bounded by the seeds plus one file.
 *
 * Usage (from the repository root):
 *   node --import tsx bench/generate.ts [--seed 1] [--mb 100] [--out bench/.data/corpus]
 *        [--files N] [--edit-rate 0.02] [--seeds corpus/moscow-trials] [--quiet]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** Bump whenever the output for a given seed and options changes. */
export const GENERATOR_VERSION = 1;

/** 1 MB = 10^6 bytes (UTF-8) throughout the benchmarks. */
export const MB = 1_000_000;

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SEED_DIR = path.join(REPO_ROOT, 'corpus', 'moscow-trials');
export const DEFAULT_OUT_DIR = path.join(REPO_ROOT, 'bench', '.data', 'corpus');

/** Generated files are named doc-000000.txt, doc-000001.txt, … */
const FILE_NAME_RE = /^doc-\d{6}\.txt$/;

// ---------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------

/** A uniform random number generator returning floats in [0, 1). */
export type Rng = () => number;

/** cyrb128: hashes a string into four 32-bit words (used to seed sfc32). */
export function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 (Small Fast Counting, 128-bit state) from PractRand; period ≥ 2^32. */
export function sfc32(a: number, b: number, c: number, d: number): Rng {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A seeded generator: any string or number seed, hashed, with the first outputs discarded. */
export function createRng(seed: string | number): Rng {
  const [a, b, c, d] = cyrb128(`inquiry-bench:${String(seed)}`);
  const rng = sfc32(a, b, c, d);
  for (let i = 0; i < 16; i++) rng();
  return rng;
}

/** Uniform integer in [lo, hi] (inclusive). */
function randInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

/** Uniform pick from a non-empty array. */
function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/** Number of failures before the first success in Bernoulli(p) trials (p in (0, 1]). */
function geometric(rng: Rng, p: number): number {
  if (p >= 1) return 0;
  if (p <= 0) return Number.POSITIVE_INFINITY;
  return Math.floor(Math.log(1 - rng()) / Math.log(1 - p));
}

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

/** One copied stretch: where it sits in the generated file and where it came from. */
export interface ProvenanceRecord {
  /** generated file name (relative to the corpus directory) */
  file: string;
  /** UTF-16 offset of the stretch's first character in the generated file */
  start: number;
  /** UTF-16 offset just past the stretch's last character in the generated file */
  end: number;
  /** seed file name the stretch was copied from */
  seed: string;
  /** UTF-16 offset of the copied range in the seed file (start of a non-blank line) */
  seedStart: number;
  /** UTF-16 offset just past the copied range in the seed file (end of a non-blank line) */
  seedEnd: number;
  /** number of random edits applied to the copy */
  edits: number;
}

/** One generated file, complete in memory (files are ~50–200 KB). */
export interface GeneratedFile {
  index: number;
  name: string;
  text: string;
  /** UTF-8 byte length of text */
  bytes: number;
  /** non-empty lines */
  paragraphs: number;
  stretches: ProvenanceRecord[];
}

/** Relative weights of the edit kinds (need not sum to 1). */
export interface EditWeights {
  /** OCR-like character confusion, dropped or added letter */
  ocr: number;
  /** word replaced by a random seed word */
  substitute: number;
  /** random seed word inserted after the word */
  insert: number;
  /** word deleted */
  delete: number;
  /** the line break after the word joined into a space, or the space after it split into a line break */
  linebreak: number;
}

export interface GenerateOptions {
  /** PRNG seed (numbers and their decimal strings give the same output) */
  seed: string | number;
  /** target corpus size in MB (10^6 bytes of UTF-8) */
  mb: number;
  /** exact number of files; when absent, file sizes are drawn from [minFileBytes, maxFileBytes] */
  files?: number | undefined;
  /** directory holding the seed *.txt files */
  seedDir: string;
  /** probability that a given word of a copied stretch is edited */
  editRate: number;
  editWeights: EditWeights;
  minFileBytes: number;
  maxFileBytes: number;
  /** stretch length in seed lines (blank lines included, trimmed at both ends) */
  minLines: number;
  maxLines: number;
}

export const DEFAULT_OPTIONS: Readonly<GenerateOptions> = Object.freeze({
  seed: 1,
  mb: 100,
  seedDir: DEFAULT_SEED_DIR,
  editRate: 0.02,
  editWeights: Object.freeze({ ocr: 0.5, substitute: 0.15, insert: 0.12, delete: 0.15, linebreak: 0.08 }),
  minFileBytes: 50_000,
  maxFileBytes: 200_000,
  minLines: 1,
  maxLines: 40,
});

// ---------------------------------------------------------------------------
// Seeds
// ---------------------------------------------------------------------------

interface SeedFile {
  name: string;
  text: string;
  /** UTF-16 offset where each line starts */
  lineStarts: Int32Array;
  /** 1 if the line has no non-whitespace character */
  blank: Uint8Array;
}

/** Loads every *.txt in the seed directory (sorted by name), normalising CRLF to LF. */
function loadSeeds(seedDir: string): SeedFile[] {
  const names = fs
    .readdirSync(seedDir)
    .filter((n) => n.endsWith('.txt'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) throw new Error(`no seed *.txt files in ${seedDir}`);
  const seeds: SeedFile[] = [];
  for (const name of names) {
    let text = fs.readFileSync(path.join(seedDir, name), 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    // CRLF would make the seed offsets disagree with what a reader sees; the shipped seeds are LF-only.
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    const starts: number[] = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    const lineStarts = Int32Array.from(starts);
    const blank = new Uint8Array(lineStarts.length);
    let hasContent = false;
    for (let l = 0; l < lineStarts.length; l++) {
      const s = lineStarts[l] as number;
      const e = l + 1 < lineStarts.length ? (lineStarts[l + 1] as number) - 1 : text.length;
      const isBlank = !/\S/.test(text.slice(s, e));
      blank[l] = isBlank ? 1 : 0;
      if (!isBlank) hasContent = true;
    }
    if (hasContent) seeds.push({ name, text, lineStarts, blank });
  }
  if (seeds.length === 0) throw new Error(`seed files in ${seedDir} are all empty`);
  return seeds;
}

function lineEnd(seed: SeedFile, line: number): number {
  return line + 1 < seed.lineStarts.length ? (seed.lineStarts[line + 1] as number) - 1 : seed.text.length;
}

/** Index of the line containing UTF-16 offset `offset`. */
function lineAt(seed: SeedFile, offset: number): number {
  const starts = seed.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Words for substitutions and insertions: every letter run (2+ letters, inner
 * apostrophes/hyphens allowed) of the seeds, with repetition, so draws follow
 * the seeds' word frequencies.
 */
function buildVocabulary(seeds: readonly SeedFile[]): string[] {
  const vocab: string[] = [];
  const re = /\p{L}[\p{L}'’-]*\p{L}/gu;
  for (const seed of seeds) for (const m of seed.text.matchAll(re)) vocab.push(m[0]);
  if (vocab.length === 0) vocab.push('the');
  return vocab;
}

// ---------------------------------------------------------------------------
// Edits
// ---------------------------------------------------------------------------

/** OCR-like confusions, applied in the direction given (both directions are listed). */
const CONFUSIONS: ReadonlyArray<readonly [string, string]> = [
  ['rn', 'm'],
  ['m', 'rn'],
  ['l', '1'],
  ['1', 'l'],
  ['e', 'c'],
  ['c', 'e'],
  ['O', '0'],
  ['0', 'O'],
  ['cl', 'd'],
  ['d', 'cl'],
  ['I', 'l'],
  ['l', 'I'],
  ['li', 'h'],
  ['h', 'li'],
  ['vv', 'w'],
  ['w', 'vv'],
];

const LOWER = 'abcdefghijklmnopqrstuvwxyz';

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** ASCII whitespace as found in the seeds: space, tab, LF, CR. */
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/**
 * One OCR-like edit of a word: a confusion (60%) when one applies, otherwise a
 * dropped letter (20%) or an added letter (20%; also the fallback). Only ASCII characters are
 * touched, so surrogate pairs are never split. Always changes the word and never
 * empties it.
 */
function ocrEdit(rng: Rng, word: string): string {
  const r = rng();
  if (r < 0.6) {
    const sites: Array<[number, number]> = []; // [confusion index, position]
    for (let ci = 0; ci < CONFUSIONS.length; ci++) {
      const from = (CONFUSIONS[ci] as readonly [string, string])[0];
      for (let p = word.indexOf(from); p !== -1; p = word.indexOf(from, p + 1)) sites.push([ci, p]);
    }
    if (sites.length > 0) {
      const [ci, p] = pick(rng, sites);
      const [from, to] = CONFUSIONS[ci] as readonly [string, string];
      return word.slice(0, p) + to + word.slice(p + from.length);
    }
  }
  const letters: number[] = [];
  for (let i = 0; i < word.length; i++) if (isAsciiAlnum(word.charCodeAt(i))) letters.push(i);
  if (r < 0.8 && letters.length >= 2) {
    const p = pick(rng, letters);
    return word.slice(0, p) + word.slice(p + 1);
  }
  if (letters.length > 0 && rng() < 0.5) {
    // doubled letter: OCR often reads one glyph twice
    const p = pick(rng, letters);
    return word.slice(0, p + 1) + word.charAt(p) + word.slice(p + 1);
  }
  // stray lowercase letter at a random position (not inside a surrogate pair)
  let p = randInt(rng, 0, word.length);
  const prev = p > 0 ? word.charCodeAt(p - 1) : 0;
  if (prev >= 0xd800 && prev <= 0xdbff) p++;
  return word.slice(0, p) + LOWER.charAt(Math.floor(rng() * LOWER.length)) + word.slice(p);
}

const EDGE_PUNCT = /^(\p{P}*)([\s\S]*?)(\p{P}*)$/u;

/** A random vocabulary word standing in for `word`: keeps its edge punctuation and initial capital. */
function substituteWord(rng: Rng, word: string, vocab: readonly string[]): string | null {
  const m = EDGE_PUNCT.exec(word);
  const lead = m?.[1] ?? '';
  const core = m?.[2] ?? word;
  const trail = m?.[3] ?? '';
  for (let attempt = 0; attempt < 3; attempt++) {
    let w = pick(rng, vocab);
    if (w.toLowerCase() === core.toLowerCase()) continue;
    const first = core.charAt(0);
    if (first !== '' && first !== first.toLowerCase()) w = w.charAt(0).toUpperCase() + w.slice(1);
    return lead + w + trail;
  }
  return null;
}

type EditKind = keyof EditWeights;
const EDIT_KINDS: readonly EditKind[] = ['ocr', 'substitute', 'insert', 'delete', 'linebreak'];

function chooseKind(rng: Rng, weights: EditWeights, total: number): EditKind {
  let r = rng() * total;
  for (const k of EDIT_KINDS) {
    r -= weights[k];
    if (r < 0) return k;
  }
  return 'ocr';
}

/**
 * Applies random edits to a stretch. Each word (maximal run of non-whitespace)
 * is edited with probability `rate`; the gaps between edited words are drawn
 * geometrically so the cost is one scan plus O(edits) random draws. Structural
 * edits that would leave an empty or padded line fall back to an OCR edit.
 */
function applyEdits(
  rng: Rng,
  text: string,
  rate: number,
  weights: EditWeights,
  vocab: readonly string[],
): { text: string; edits: number } {
  if (rate <= 0) return { text, edits: 0 };
  const totalWeight = EDIT_KINDS.reduce((s, k) => s + Math.max(0, weights[k]), 0);
  if (totalWeight <= 0) return { text, edits: 0 };
  const out: string[] = [];
  let cursor = 0; // text[0, cursor) has been emitted
  let edits = 0;
  let wordIndex = 0;
  let next = geometric(rng, rate);
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const ws = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    const we = i;
    if (wordIndex === next && ws >= cursor) {
      const word = text.slice(ws, we);
      const after = we < n ? text.charCodeAt(we) : -1;
      const after2 = we + 1 < n ? text.charCodeAt(we + 1) : -1;
      const before = ws > 0 ? text.charCodeAt(ws - 1) : -1;
      let done = false;
      switch (chooseKind(rng, weights, totalWeight)) {
        case 'substitute': {
          const w = substituteWord(rng, word, vocab);
          if (w !== null) {
            out.push(text.slice(cursor, ws), w);
            cursor = we;
            done = true;
          }
          break;
        }
        case 'insert': {
          out.push(text.slice(cursor, we), ' ', pick(rng, vocab));
          cursor = we;
          done = true;
          break;
        }
        case 'delete': {
          if (after === 32) {
            // "a WORD b" → "a b"; also the first word of a line
            out.push(text.slice(cursor, ws));
            cursor = we + 1;
            done = true;
          } else if (before === 32 && ws - 1 >= cursor) {
            // last word of a line: drop it with the space before it
            out.push(text.slice(cursor, ws - 1));
            cursor = we;
            done = true;
          }
          // a line's only word is kept (deleting it would blank the line)
          break;
        }
        case 'linebreak': {
          if (after === 32 && after2 !== -1 && !isSpace(after2)) {
            // split the paragraph after this word
            out.push(text.slice(cursor, we), '\n');
            cursor = we + 1;
            done = true;
          } else if (after === 10 && after2 !== -1 && !isSpace(after2)) {
            // join this line with the next (never across a blank line)
            out.push(text.slice(cursor, we), ' ');
            cursor = we + 1;
            done = true;
          }
          break;
        }
        case 'ocr':
          break;
      }
      if (!done) {
        out.push(text.slice(cursor, ws), ocrEdit(rng, word));
        cursor = we;
      }
      edits++;
      next = wordIndex + 1 + geometric(rng, rate);
    } else if (wordIndex === next) {
      // the previous edit consumed this word's leading space; edit the next word instead
      next++;
    }
    wordIndex++;
  }
  if (edits === 0) return { text, edits: 0 };
  out.push(text.slice(cursor));
  return { text: out.join(''), edits };
}

/** Non-empty lines of a generated text (generated lines are never whitespace-only). */
function countParagraphs(text: string): number {
  let count = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', i + 1)) {
    const end = i === -1 ? text.length : i;
    if (end > lineStart) count++;
    if (i === -1) break;
    lineStart = i + 1;
  }
  return count;
}

// ---------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------

function resolveOptions(opts: Partial<GenerateOptions>): GenerateOptions {
  const o: GenerateOptions = {
    ...DEFAULT_OPTIONS,
    ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)),
    editWeights: { ...DEFAULT_OPTIONS.editWeights, ...(opts.editWeights ?? {}) },
  };
  if (!(o.mb > 0) || !Number.isFinite(o.mb)) throw new Error(`mb must be a positive number, got ${o.mb}`);
  if (o.files !== undefined && (!Number.isInteger(o.files) || o.files < 1)) {
    throw new Error(`files must be a positive integer, got ${o.files}`);
  }
  if (!(o.editRate >= 0 && o.editRate <= 1)) throw new Error(`editRate must be in [0, 1], got ${o.editRate}`);
  if (!(o.minFileBytes >= 1 && o.maxFileBytes >= o.minFileBytes)) {
    throw new Error(`need 1 <= minFileBytes <= maxFileBytes, got ${o.minFileBytes}..${o.maxFileBytes}`);
  }
  if (!(Number.isInteger(o.minLines) && o.minLines >= 1 && Number.isInteger(o.maxLines) && o.maxLines >= o.minLines)) {
    throw new Error(`need integer 1 <= minLines <= maxLines, got ${o.minLines}..${o.maxLines}`);
  }
  return o;
}

/** The generated file name for a file index. */
export function corpusFileName(index: number): string {
  return `doc-${String(index).padStart(6, '0')}.txt`;
}

/**
 * Yields the corpus one file at a time. Deterministic in (seed, options, seed
 * files). Each file ends with a newline; stretches are separated by one line
 * break, or by a blank line when the seed has a blank line right before the
 * stretch. Separators are not part of any stretch.
 */
export function* generateCorpus(options: Partial<GenerateOptions> = {}): Generator<GeneratedFile, void, undefined> {
  const o = resolveOptions(options);
  const seeds = loadSeeds(o.seedDir);
  const vocab = buildVocabulary(seeds);
  const rng = createRng(o.seed);

  // Stretch starts are drawn uniformly over all seed characters, so each seed is
  // used in proportion to its size and rare names stay rare.
  const cumulative: number[] = [];
  let totalChars = 0;
  for (const s of seeds) cumulative.push((totalChars += s.text.length));

  const targetBytes = Math.round(o.mb * MB);
  let produced = 0;

  for (let index = 0; ; index++) {
    if (o.files !== undefined ? index >= o.files : produced >= targetBytes) return;

    const remaining = targetBytes - produced;
    let target: number;
    if (o.files !== undefined) {
      target = Math.ceil(remaining / (o.files - index));
    } else {
      target = randInt(rng, o.minFileBytes, o.maxFileBytes);
      if (remaining - target < o.minFileBytes) target = remaining; // no runt file at the end
    }

    const name = corpusFileName(index);
    const parts: string[] = [];
    const stretches: ProvenanceRecord[] = [];
    let chars = 0;
    let bytes = 0;
    do {
      // pick a seed position, snap to the start of a non-blank line
      const at = Math.floor(rng() * totalChars);
      let si = 0;
      while ((cumulative[si] as number) <= at) si++;
      const seed = seeds[si] as SeedFile;
      const lineCount = seed.lineStarts.length;
      let first = lineAt(seed, at - (si > 0 ? (cumulative[si - 1] as number) : 0));
      while (first < lineCount && seed.blank[first] === 1) first++;
      if (first >= lineCount) {
        first = lineCount - 1;
        while (seed.blank[first] === 1) first--; // the seed has content, so this stops
      }
      let last = Math.min(first + randInt(rng, o.minLines, o.maxLines) - 1, lineCount - 1);
      while (seed.blank[last] === 1) last--;

      const seedStart = seed.lineStarts[first] as number;
      const seedEnd = lineEnd(seed, last);
      const edited = applyEdits(rng, seed.text.slice(seedStart, seedEnd), o.editRate, o.editWeights, vocab);

      if (parts.length > 0) {
        const sep = first > 0 && seed.blank[first - 1] === 1 ? '\n\n' : '\n';
        parts.push(sep);
        chars += sep.length;
        bytes += sep.length;
      }
      parts.push(edited.text);
      stretches.push({
        file: name,
        start: chars,
        end: chars + edited.text.length,
        seed: seed.name,
        seedStart,
        seedEnd,
        edits: edited.edits,
      });
      chars += edited.text.length;
      bytes += Buffer.byteLength(edited.text, 'utf8');
    } while (bytes < target);
    parts.push('\n');
    bytes += 1;

    const text = parts.join('');
    produced += bytes;
    yield { index, name, text, bytes, paragraphs: countParagraphs(text), stretches };
  }
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

export interface CorpusMeta {
  generator: 'inquiry-bench-generate';
  version: number;
  seed: string;
  mb: number;
  files: number;
  bytes: number;
  chars: number;
  paragraphs: number;
  stretches: number;
  edits: number;
  editRate: number;
  editWeights: EditWeights;
  fileBytes: { min: number; max: number } | { count: number };
  stretchLines: { min: number; max: number };
  seedFiles: Array<{ name: string; chars: number }>;
}

export interface WriteResult {
  meta: CorpusMeta;
  outDir: string;
  provenancePath: string;
  metaPath: string;
  seconds: number;
}

/** Where the provenance and meta files of a corpus directory live (beside it). */
export function corpusSidecars(outDir: string): { provenancePath: string; metaPath: string } {
  const base = path.resolve(outDir);
  return { provenancePath: `${base}.provenance.jsonl`, metaPath: `${base}.meta.json` };
}

/**
 * Generates the corpus into `outDir`, streaming one file at a time, and writes
 * the provenance and meta sidecars. Earlier generated files (doc-NNNNNN.txt) in
 * outDir are removed first; other files are left alone (with a warning).
 */
export function writeCorpus(
  outDir: string,
  options: Partial<GenerateOptions> = {},
  onFile?: (file: GeneratedFile, totalBytes: number) => void,
): WriteResult {
  const t0 = performance.now();
  const o = resolveOptions(options);
  const dir = path.resolve(outDir);
  fs.mkdirSync(dir, { recursive: true });
  const strangers: string[] = [];
  for (const entry of fs.readdirSync(dir)) {
    if (FILE_NAME_RE.test(entry)) fs.rmSync(path.join(dir, entry));
    else strangers.push(entry);
  }
  if (strangers.length > 0) {
    process.emitWarning(`${dir} holds ${strangers.length} file(s) the generator did not write (e.g. ${strangers[0]})`);
  }
  const { provenancePath, metaPath } = corpusSidecars(dir);
  fs.rmSync(metaPath, { force: true });

  let files = 0;
  let bytes = 0;
  let chars = 0;
  let paragraphs = 0;
  let stretches = 0;
  let edits = 0;
  const prov = fs.openSync(provenancePath, 'w');
  try {
    for (const file of generateCorpus(o)) {
      fs.writeFileSync(path.join(dir, file.name), file.text);
      let lines = '';
      for (const rec of file.stretches) {
        // fixed key order keeps the JSONL byte-stable
        lines += `${JSON.stringify({
          file: rec.file,
          start: rec.start,
          end: rec.end,
          seed: rec.seed,
          seedStart: rec.seedStart,
          seedEnd: rec.seedEnd,
          edits: rec.edits,
        })}\n`;
        edits += rec.edits;
      }
      fs.writeSync(prov, lines);
      files++;
      bytes += file.bytes;
      chars += file.text.length;
      paragraphs += file.paragraphs;
      stretches += file.stretches.length;
      onFile?.(file, bytes);
    }
  } finally {
    fs.closeSync(prov);
  }

  const seedFiles = loadSeeds(o.seedDir).map((s) => ({ name: s.name, chars: s.text.length }));
  const meta: CorpusMeta = {
    generator: 'inquiry-bench-generate',
    version: GENERATOR_VERSION,
    seed: String(o.seed),
    mb: o.mb,
    files,
    bytes,
    chars,
    paragraphs,
    stretches,
    edits,
    editRate: o.editRate,
    editWeights: o.editWeights,
    fileBytes: o.files !== undefined ? { count: o.files } : { min: o.minFileBytes, max: o.maxFileBytes },
    stretchLines: { min: o.minLines, max: o.maxLines },
    seedFiles,
  };
  fs.writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
  return { meta, outDir: dir, provenancePath, metaPath, seconds: (performance.now() - t0) / 1000 };
}

// ---------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------

const USAGE = `Usage: node --import tsx bench/generate.ts [options]

  --seed <s>        PRNG seed (default 1)
  --mb <n>          target size in MB of 10^6 bytes (default 100)
  --out <dir>       corpus directory (default bench/.data/corpus); provenance and
                    meta are written beside it as <dir>.provenance.jsonl / <dir>.meta.json
  --files <n>       exact number of files (default: sizes drawn from 50–200 KB)
  --edit-rate <p>   probability that a copied word is edited (default 0.02)
  --seeds <dir>     seed directory (default corpus/moscow-trials)
  --quiet           no progress output
  -h, --help        this help
`;

function parseNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} expects a number, got "${value}"`);
  return n;
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string' },
      mb: { type: 'string' },
      out: { type: 'string' },
      files: { type: 'string' },
      'edit-rate': { type: 'string' },
      seeds: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const outDir = values.out !== undefined ? path.resolve(values.out) : DEFAULT_OUT_DIR;
  const options: Partial<GenerateOptions> = {
    seed: values.seed ?? DEFAULT_OPTIONS.seed,
    mb: parseNumber('mb', values.mb) ?? DEFAULT_OPTIONS.mb,
    files: parseNumber('files', values.files),
    editRate: parseNumber('edit-rate', values['edit-rate']) ?? DEFAULT_OPTIONS.editRate,
    seedDir: values.seeds !== undefined ? path.resolve(values.seeds) : DEFAULT_SEED_DIR,
  };
  const target = (options.mb ?? DEFAULT_OPTIONS.mb) * MB;
  const tty = process.stderr.isTTY && !values.quiet;
  let lastReport = 0;
  const result = writeCorpus(outDir, options, (_file, total) => {
    if (!tty) return;
    const now = performance.now();
    if (now - lastReport < 250) return;
    lastReport = now;
    process.stderr.write(`\r  ${(total / MB).toFixed(1)} / ${(target / MB).toFixed(1)} MB`);
  });
  if (tty) process.stderr.write('\r\x1b[K');
  const { meta, seconds } = result;
  if (!values.quiet) {
    const rssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(
      [
        `generated ${meta.files} files, ${(meta.bytes / MB).toFixed(2)} MB, ${meta.paragraphs} paragraphs, ` +
          `${meta.stretches} stretches, ${meta.edits} edits (seed ${meta.seed}, v${meta.version})`,
        `  ${result.outDir}`,
        `  ${result.provenancePath}`,
        `  ${result.metaPath}`,
        `  ${seconds.toFixed(2)} s, ${(meta.bytes / MB / seconds).toFixed(1)} MB/s, peak RSS ${rssMb.toFixed(0)} MiB`,
        '',
      ].join('\n'),
    );
  }
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(fs.realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isMainModule()) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`generate: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
