import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractPdf, NO_TEXT_LAYER, pdfDateToEdtf } from '../src/ingest/readers/pdf.js';
import { buildPdf } from './helpers/pdf.js';


test('pdf: extracts the text layer, one page per form feed, with an exact map', async () => {
  const bytes = buildPdf(
    [['Hello Moscow Trials'], ['Second page (with parentheses)', 'and a second line']],
    {
      Title: 'The Moscow Trials: A Record',
      Author: 'Jane Doe; John Roe',
      CreationDate: "D:19370123120000+03'00'",
    },
  );
  const copy = bytes.slice();
  const x = await extractPdf(bytes, 'trials.pdf');
  assert.deepEqual(bytes, copy, 'the caller\'s bytes are left intact');

  const pages = x.rawText.split('\f');
  assert.equal(pages.length, 2);
  assert.match(pages[0]!, /Hello Moscow Trials/);
  assert.match(pages[1]!, /Second page \(with parentheses\)/);
  assert.match(pages[1]!, /and a second line/);
  assert.equal(x.text, x.rawText.replace(/\f/g, '\n\n'));
  assert.ok(!x.text.includes('\f'));
  assert.deepEqual(x.warnings, []);
  assert.deepEqual(x.hints, []);

  // the map: copy segments re-slice the raw text, the page break maps to the form feed
  assert.equal(x.map.cleanLength, x.text.length);
  assert.equal(x.map.rawLength, x.rawText.length);
  const seg = Array.from(x.map.seg);
  let covered = 0;
  for (let i = 0; i < seg.length; i += 5) {
    const [c0, c1, r0, r1, kind] = seg.slice(i, i + 5) as [number, number, number, number, number];
    assert.equal(c0, covered);
    covered = c1;
    if (kind === 0) assert.equal(x.rawText.slice(r0, r1), x.text.slice(c0, c1));
    else {
      assert.equal(x.text.slice(c0, c1), '\n\n');
      assert.equal(x.rawText.slice(r0, r1), '\f');
    }
  }
  assert.equal(covered, x.text.length);
  const word = 'Second page';
  const c = x.text.indexOf(word);
  const [r0, r1] = x.map.toRaw(c, c + word.length);
  assert.equal(x.rawText.slice(r0, r1), word);
  // a span across the page break maps across the form feed
  const [s0, s1] = x.map.toRaw(x.text.indexOf('Trials'), c + word.length);
  assert.ok(x.rawText.slice(s0, s1).startsWith('Trials') && x.rawText.slice(s0, s1).includes('\fSecond page'));

  assert.equal(x.meta.title, 'The Moscow Trials: A Record');
  assert.deepEqual(x.meta.authors, ['Jane Doe', 'John Roe']);
  assert.equal(x.meta.date, '1937-01-23');
  assert.equal(x.meta.metaOrigin?.['title'], 'pdf');
  assert.equal(x.meta.metaOrigin?.['date'], 'pdf');
});

test('pdf: without an info dictionary the metadata is empty', async () => {
  const x = await extractPdf(buildPdf([['Hello Moscow Trials']]), 'plain.pdf');
  assert.match(x.text, /^Hello Moscow Trials\s*$/);
  assert.equal(x.meta.title, undefined);
  assert.equal(x.meta.authors, undefined);
});

test('pdf: a blank page among text pages is kept (empty) and reported', async () => {
  const x = await extractPdf(buildPdf([['Page one'], [], ['Page three']]), 'gap.pdf');
  const pages = x.rawText.split('\f');
  assert.equal(pages.length, 3);
  assert.equal(pages[1]!.trim(), '');
  assert.equal(x.warnings.length, 1);
  assert.match(x.warnings[0]!, /1 of 3 pages have no text layer \(page 2\)/);
});

test('pdf: no text layer is refused', async () => {
  await assert.rejects(extractPdf(buildPdf([[], []]), 'scan.pdf'), { message: NO_TEXT_LAYER });
  assert.equal(NO_TEXT_LAYER, 'PDF has no text layer (scanned image?); nothing to ingest');
});

test('pdf: corrupt bytes give a parse error', async () => {
  const garbage = new Uint8Array(Buffer.from('%PDF-1.4\n' + 'garbage \u0001\u0002\u0003 not a pdf at all '.repeat(20), 'latin1'));
  await assert.rejects(extractPdf(garbage, 'broken.pdf'), (err: unknown) => {
    assert.ok(err instanceof Error);
    assert.match(err.message, /^PDF could not be parsed: \S/);
    return true;
  });
  await assert.rejects(extractPdf(new Uint8Array(0), 'empty.pdf'), /PDF could not be parsed/);
});

test('pdf: PDF date strings become EDTF', () => {
  assert.equal(pdfDateToEdtf("D:19370123120000+03'00'"), '1937-01-23');
  assert.equal(pdfDateToEdtf('D:1938'), '1938');
  assert.equal(pdfDateToEdtf('D:193803'), '1938-03');
  assert.equal(pdfDateToEdtf('D:19381340'), '1938');
  assert.equal(pdfDateToEdtf('yesterday'), null);
  assert.equal(pdfDateToEdtf(null), null);
});
