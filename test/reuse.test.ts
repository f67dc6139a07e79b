/**
 * Reuse detection: the winnowing guarantee, the radix order, alignment and divergence
 * classes on planted alterations, within-document duplicates, and span invariants.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { alignDP, wordSim } from '../src/analyze/reuse/align.js';
import { detectReuse, radixOrder, shingles, winnow } from '../src/analyze/reuse/detect.js';
import { tokenize } from '../src/analyze/reuse/tokens.js';

const DAVIES =
  'after daily observation of the witnesses, their manner of testifying, the unconscious corroborations which developed, and other facts in the course of the trial, together with others of which judicial notice could be taken, it is my opinion that the state established its case and that the defendants were not coerced into their confessions by threats of any kind';
const FILLER_A = 'The ambassador sent his dispatch to Washington in the middle of February, and it was read there with some surprise. ';
const FILLER_B = 'Half a century later the newspaper returned to the question of what the foreign observers had really seen in the October Hall. ';

let seed = Number(process.env.SEED ?? Date.now() % 100000);
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

test('winnowing: every shared run of n + w − 1 words shares a fingerprint', () => {
  const vocab = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon'.split(' ');
  for (let round = 0; round < 50; round++) {
    const run = Array.from({ length: 8 }, () => vocab[Math.floor(rnd() * vocab.length)]);
    const a = [...Array.from({ length: Math.floor(rnd() * 20) }, () => vocab[Math.floor(rnd() * vocab.length)]), ...run, 'x1'].join(' ');
    const b = ['y1', ...run, ...Array.from({ length: Math.floor(rnd() * 20) }, () => vocab[Math.floor(rnd() * vocab.length)])].join(' ');
    const fa = new Set<number>();
    const fb = new Set<number>();
    winnow(shingles(tokenize(a).hashes, 5), 4, (_p, h) => fa.add(h));
    winnow(shingles(tokenize(b).hashes, 5), 4, (_p, h) => fb.add(h));
    assert.ok([...fa].some((h) => fb.has(h)), `seed ${seed}: ${a} / ${b}`);
  }
});

test('radix order sorts by several keys, stably', () => {
  const n = 2000;
  const k1 = new Uint32Array(n).map(() => Math.floor(rnd() * 5));
  const k2 = new Uint32Array(n).map(() => Math.floor(rnd() * 2 ** 32));
  const perm = radixOrder([k1, k2], n);
  for (let i = 1; i < n; i++) {
    const p = perm[i - 1]!;
    const q = perm[i]!;
    assert.ok(k1[p]! < k1[q]! || (k1[p] === k1[q] && (k2[p]! < k2[q]! || (k2[p] === k2[q] && p < q))));
  }
});

test('words: variants are near misses, never numbers or another short word', () => {
  assert.equal(wordSim('piatakov', 'pyatakov'), 1);
  assert.equal(wordSim('modern', 'modem'), 1);
  assert.equal(wordSim('1936', '1937'), 0);
  assert.equal(wordSim('clay', 'day'), 1, 'OCR: cl read as d');
  assert.equal(wordSim('bow', 'now'), 0);
  const r = alignDP(['a', 'b', 'c'], ['a', 'c'], 'global');
  assert.deepEqual(r.ops.map((o) => o.op), ['eq', 'del', 'eq']);
});

test('a quotation cut with an ellipsis and stripped of its "not" is found and classified, with exact spans', () => {
  const copy = DAVIES.replace('together with others of which judicial notice could be taken, ', '. . . ').replace('were not coerced', 'were coerced').replace('Washington', 'Washington');
  const docs = [
    { id: 'a', text: FILLER_A + DAVIES + '. The dispatch ends there.', date: '1937-02-17' },
    { id: 'b', text: FILLER_B + '"' + copy + '", the paper quoted.', date: '1987-02-17' },
    { id: 'c', text: 'Nothing in this text is shared with the others beyond the October Hall and the dispatch to Washington.' },
  ];
  const r = detectReuse(docs);
  assert.equal(r.families.length, 1, JSON.stringify(r.families.map((f) => f.occurrences.map((o) => [o.doc, o.start, o.end]))));
  const f = r.families[0]!;
  assert.equal(f.kind, 'quotation');
  assert.equal(f.occurrences[f.base]!.doc, 0, 'the fullest text is the base');
  const o = f.occurrences.find((x) => x.doc === 1)!;
  const classes = o.divergences.map((d) => d.class);
  assert.ok(classes.includes('omission-marked'), JSON.stringify(o.divergences));
  const neg = o.divergences.find((d) => d.base.text === 'not');
  assert.ok(neg && neg.severity === 'meaning' && neg.why === 'negation', JSON.stringify(o.divergences));
  assert.equal(o.severity, 'meaning');
  // every span re-slices to its text
  for (const fam of r.families) {
    const b = fam.occurrences[fam.base]!;
    for (const x of fam.occurrences) {
      assert.ok(x.start < x.end && x.end <= docs[x.doc]!.text.length);
      for (const d of x.divergences) {
        assert.equal(docs[b.doc]!.text.slice(d.base.start, d.base.end), d.base.text);
        assert.equal(docs[x.doc]!.text.slice(d.copy.start, d.copy.end), d.copy.text);
      }
    }
  }
  // deterministic
  assert.deepEqual(detectReuse(docs).families, r.families);
});

test('a section repeated in one document is a duplicate; short shared phrases are no reuse', () => {
  const post = 'In this thread I aim to present the evidence that these trials were real and that the men charged were guilty of the crimes they confessed to in open court before the foreign press.';
  const docs = [
    { id: 'forum', text: `${post}\n\nQUOTE\n\nSome replies followed here about other matters entirely.\n\n${post}\n` },
    { id: 'other', text: 'The trials were real, wrote another, and the foreign press was present in open court.' },
  ];
  const r = detectReuse(docs);
  assert.equal(r.families.length, 1);
  assert.equal(r.families[0]!.kind, 'duplicate');
  assert.ok(r.families[0]!.occurrences.every((o) => o.repeat));
});
