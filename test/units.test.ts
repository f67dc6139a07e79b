/** Unit tests of the pieces: decoding, cleaning rules, segmentation, quality, EDTF. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { edtfBounds, findDate, isEdtf } from '../src/core/edtf.js';
import { BinaryFileError, decodeBytes } from '../src/ingest/decode.js';
import { cleanText } from '../src/ingest/clean/index.js';
import { findDuplicateSections } from '../src/ingest/duplicates.js';
import { scorePassages } from '../src/ingest/quality.js';
import { extractMarkdown } from '../src/ingest/readers/text.js';
import { MAX_PASSAGE, paragraphs, passages, sentences } from '../src/ingest/segment.js';

test('decode: UTF-8 with and without BOM, UTF-16 LE/BE with BOM, invalid bytes, binary', () => {
  const s = 'Пятаков — café';
  assert.equal(decodeBytes(Buffer.from(s)).text, s);
  const bom = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)]));
  assert.equal(bom.text, s);
  assert.equal(bom.encoding, 'utf-8-bom');
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
  assert.equal(decodeBytes(le).text, s);
  const be = Buffer.from(Buffer.from(s, 'utf16le')).swap16();
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text, s);
  const bad = decodeBytes(Buffer.concat([Buffer.from('ab'), Buffer.from([0xff, 0xc3]), Buffer.from('cd')]));
  assert.equal(bad.text, 'ab\uFFFD\uFFFDcd');
  assert.match(bad.warnings[0]!, /invalid UTF-8: 2 malformed sequences \(first at byte 2\)/);
  assert.throws(() => decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])), BinaryFileError);
});

test('cleaning: markup remnants, entities, forum markers, breadcrumbs, menu bars, wiki chrome', () => {
  const raw = [
    'More languages',
    'Home > Archive > 1937 >',
    'The <u>Trial</u> of the &quot;Seventeen&quot; &amp; others.',
    'QUOTE',
    'It was admitted by the accused.',
    'News | Archive | About us | Contact | Donate',
    'X',
  ].join('\n');
  const c = cleanText(raw);
  assert.equal(c.text, 'The Trial of the "Seventeen" & others.\nIt was admitted by the accused.');
  const reasons = new Set(c.removed.map((r) => r.reason));
  for (const r of ['boilerplate: page furniture', 'boilerplate: breadcrumb', 'markup remnant', 'forum quote marker', 'boilerplate: navigation list']) assert.ok(reasons.has(r), r);
  assert.equal(c.quoteStarts.length, 1);
  assert.equal(c.text.slice(c.quoteStarts[0]!).startsWith('It was admitted'), true);
  // every copy segment maps back to identical raw text
  const seg = Array.from(c.map.seg);
  for (let i = 0; i < seg.length; i += 5) if (seg[i + 4] === 0) assert.equal(raw.slice(seg[i + 2], seg[i + 3]), c.text.slice(seg[i], seg[i + 1]));
});

test('cleaning: a consent banner spliced mid-sentence and across lines is removed; prose that mentions cookies stays', () => {
  const banner = 'We value your privacy. This website uses cookies to give you the best experience. By continuing you accept our Privacy Policy';
  const raw = [
    'The verdict was read at dawn.',
    banner,
    'Radek received ten years. This website uses cookies to give you the',
    'best experience. By continuing Sokolnikov also received ten years.',
    'The defendants ate cookies during the recess, one witness recalled.',
    'We value your privacy. This website uses cookies',
  ].join('\n');
  const c = cleanText(raw);
  assert.doesNotMatch(c.text, /website uses|By continuing|Privacy Policy|We value/);
  assert.match(c.text, /Radek received ten years\. Sokolnikov also received ten years\./);
  assert.match(c.text, /The defendants ate cookies during the recess/);
});

test('cleaning: hard-wrapped text is unwrapped, hyphenated breaks and mid-sentence breaks joined', () => {
  const raw = 'THE CASE\n\nThe trial opened in the\nOctober Hall. The defend-\nants confessed.\n\nIt went on for\n\nseven days.';
  // too short to tell a hard wrap from short lines: only the sure joins are made
  assert.equal(cleanText(raw).text, 'THE CASE\n\nThe trial opened in the\nOctober Hall. The defendants confessed.\n\nIt went on for seven days.');
  const block = 'The trial at Kemerovo opened before the\nMilitary Collegium and the nine accused\nrepeated their confessions in open court.';
  const wrapped = [block, block, block, block].join('\n\n');
  assert.equal(cleanText(wrapped).text, [1, 2, 3, 4].map(() => block.replace(/\n/g, ' ')).join('\n\n'));
});

test('markdown: syntax removed by offset-keeping edits; headings and quotes become hints; front matter is metadata', () => {
  const raw = '---\ntitle: Note\ndate: 1938-03-13\n---\n# The **verdict**\n\n> Quoted [text](http://x.org).\n';
  const ex = extractMarkdown(raw);
  assert.equal(ex.meta.title, 'Note');
  assert.equal(ex.meta.date, '1938-03-13');
  assert.equal(ex.text.trim(), 'The verdict\n\nQuoted text.');
  const h = ex.hints.find((x) => x.role === 'heading')!;
  assert.equal(ex.text.slice(h.start, h.end), 'The verdict');
  assert.ok(ex.hints.some((x) => x.role === 'quote'));
  const [rs, re] = ex.map.toRaw(ex.text.indexOf('verdict'), ex.text.indexOf('verdict') + 7);
  assert.equal(raw.slice(rs, re), 'verdict');
});

test('sentences: abbreviations, initials and citations do not split; newlines do', () => {
  const t = 'I. N. Smirnov was tried with Mr. Zinoviev in Aug. 1936, see p. 12. He was shot. "Was he?" Yes.\nTHORNTON: Yes.';
  const s = sentences(t, 0, t.length).map((x) => t.slice(x.start, x.end));
  assert.deepEqual(s, ['I. N. Smirnov was tried with Mr. Zinoviev in Aug. 1936, see p. 12.', 'He was shot.', '"Was he?"', 'Yes.', 'THORNTON: Yes.']);
});

test('property: passages never exceed the bound, never overlap, re-slice, and cover the words', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom('word ', 'Sentence ends. ', '\n', '\n\n', 'HEADING\n', '- item\n'), fc.string({ maxLength: 30 })), { maxLength: 400 }), (parts) => {
      const text = parts.join('') + 'x'.repeat(parts.length * 37); // a long run without spaces too
      const ps = passages(text, paragraphs(text));
      let last = 0;
      for (const p of ps) {
        assert.ok(p.end - p.start <= MAX_PASSAGE);
        assert.ok(p.start >= last && p.end > p.start);
        last = p.end;
      }
      const covered = ps.reduce((n, p) => n + (text.slice(p.start, p.end).match(/\S/g) ?? []).length, 0);
      assert.equal(covered, (text.match(/\S/g) ?? []).length);
    }),
    { numRuns: 150 },
  );
});

test('duplicated sections: runs of repeated passages, not single repeated paragraphs', () => {
  const para = (s: string) => s.repeat(8);
  const a = ['Intro. ', 'First point made at length. ', 'Second point made at length. ', 'Third point made at length. ', 'Quoted once. '].map(para);
  const ps = [...a, para('Between. '), a[1]!, a[2]!, a[3]!, para('Other. '), a[4]!].map((text, i) => ({ start: i * 1000, end: i * 1000 + text.length, text }));
  const d = findDuplicateSections(ps);
  assert.deepEqual(d.sections, [{ first: 6, count: 3, of: 1 }]);
  assert.equal(d.dupOf[10], -1, 'a single repeated paragraph is a quotation, not a section');
});

test('quality: garble and mixed-script words score low; clean English and Russian score high', () => {
  const clean = 'The prosecutor demanded the death penalty for all of the accused, and the court agreed after a short recess in the evening.';
  const garbled = 'Tbe prosccutor dcmanded tlie deatli pena1ty f0r a11 of tbe accuscd, aud tbe conrt agrccd aftcr a sbort rcccss.';
  const ru = 'Прокурор потребовал смертной казни для всех обвиняемых, и суд согласился после короткого перерыва вечером.';
  const mixed = 'Прокурор пoтребовал смертнoй казни для всех обвиняемых, и суд сoгласился пoсле короткого перерыва.';
  const [c, g] = scorePassages([clean, garbled]);
  assert.ok(c! > 0.9, `clean ${c}`);
  assert.ok(g! < 0.4, `garbled ${g}`);
  const [r, m] = scorePassages([ru, mixed], undefined, 'ru');
  assert.ok(r! > 0.9, `russian ${r}`);
  assert.ok(m! < r!, `mixed-script ${m}`);
});

test('EDTF: datelines, bounds for filters, validation', () => {
  assert.equal(findDate('June 01, 2011')!.edtf, '2011-06-01');
  assert.equal(findDate('27th July 2003, 12:08')!.edtf, '2003-07-27');
  assert.equal(findDate('Moscow, 18 May 1928')!.edtf, '1928-05-18');
  assert.equal(findDate('27 июля 2003 г.')!.edtf, '2003-07-27');
  assert.equal(findDate('in the 1930s'), null);
  assert.deepEqual(edtfBounds('1936'), ['1936-01-01', '1936-12-31']);
  assert.deepEqual(edtfBounds('1936-02'), ['1936-02-01', '1936-02-29']);
  assert.deepEqual(edtfBounds('193X'), ['1930-01-01', '1939-12-31']);
  assert.deepEqual(edtfBounds('1936-21'), ['1936-03-01', '1936-05-31']);
  assert.deepEqual(edtfBounds('1936/1938'), ['1936-01-01', '1938-12-31']);
  assert.ok(isEdtf('1997/2015') && isEdtf('1936-08-19') && !isEdtf('19-8-36'));
});
