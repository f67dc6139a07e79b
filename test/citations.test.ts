/**
 * Reference parsing (free text → CSL-JSON): one case per shape the parser reads, the seeds'
 * own formats among them, and invariants over arbitrary input.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findCitations } from '../src/analyze/citations/detect.js';
import { parseDate, parseReference, type CslItem } from '../src/analyze/citations/parse.js';

function expectFields(text: string, want: Partial<CslItem> & { locator?: string | null; remarks?: string[]; shape?: string }) {
  const r = parseReference(text);
  const { locator, remarks, shape, ...csl } = want;
  if (locator !== undefined) assert.equal(r.locator, locator, `locator of ${text}`);
  if (remarks !== undefined) assert.deepEqual(r.remarks, remarks, `remarks of ${text}`);
  if (shape !== undefined) assert.equal(r.shape, shape, `shape of ${text}`);
  for (const [k, v] of Object.entries(csl)) assert.deepEqual((r.csl as unknown as Record<string, unknown>)[k], v, `${k} of ${text}: ${JSON.stringify(r.csl)}`);
}

test('seed bibliography lines: authors, title, place, publisher, date, locator', () => {
  expectFields('Medvedev, Roy. Let History Judge. New York: Columbia University Press, 1989, p. 265-266', {
    type: 'book', author: [{ family: 'Medvedev', given: 'Roy' }], title: 'Let History Judge', 'publisher-place': 'New York',
    publisher: 'Columbia University Press', issued: { 'date-parts': [[1989]] }, locator: '265-266', shape: 'bibliography',
  });
  expectFields('Getty & Naumov, The Road to Terror. New Haven, Conn.: Yale Univ. Press, c1999, p. 110', {
    author: [{ family: 'Getty' }, { family: 'Naumov' }], title: 'The Road to Terror', 'publisher-place': 'New Haven, Conn',
    publisher: 'Yale Univ. Press', issued: { 'date-parts': [[1999]] }, locator: '110',
  });
  expectFields('Campbell, J. R. Soviet Policy and Its Critics. London: V. Gollancz, ltd., 1939, p. 268-269 [emphasis added]', {
    author: [{ family: 'Campbell', given: 'J. R.' }], title: 'Soviet Policy and Its Critics', remarks: ['emphasis added'], locator: '268-269',
  });
  expectFields('Costello, John and Oleg Tsarev. Deadly illusions. New York: Crown, c1993, p. 284', {
    author: [{ family: 'Costello', given: 'John' }, { given: 'Oleg', family: 'Tsarev' }], title: 'Deadly illusions', publisher: 'Crown',
  });
  expectFields('Axell, Albert. Stalin\'s War: Through the Eyes of His Commanders. London, Arms and Armour Press. 1997, p. 205', {
    'publisher-place': 'London', publisher: 'Arms and Armour Press', issued: { 'date-parts': [[1997]] },
  });
});

test('years inside titles are not dates', () => {
  expectFields('Rogovin, Vadim. 1937: Year of Terror. Oak Park, Michigan: Labor Publications, 1998, p. 180', { title: '1937: Year of Terror', issued: { 'date-parts': [[1998]] } });
  expectFields('Tucker, Robert. Stalin in Power: 1929-1941. New York: Norton, 1990, p. 322', { title: 'Stalin in Power: 1929-1941', issued: { 'date-parts': [[1990]] } });
});

test('Chicago notes, APA, journal and newspaper articles, GOST, prose, Ibid.', () => {
  expectFields('1. Robert Conquest, The Great Terror (New York: Macmillan, 1968), 112.', {
    shape: 'note', author: [{ given: 'Robert', family: 'Conquest' }], title: 'The Great Terror', publisher: 'Macmillan', issued: { 'date-parts': [[1968]] }, locator: '112',
  });
  expectFields('Getty, J. A., & Naumov, O. V. (1999). The road to terror: Stalin and the self-destruction of the Bolsheviks, 1932–1939. Yale University Press.', {
    shape: 'author-date', author: [{ family: 'Getty', given: 'J. A.' }, { family: 'Naumov', given: 'O. V.' }], issued: { 'date-parts': [[1999]] }, publisher: 'Yale University Press',
  });
  expectFields('Getty, J. Arch. "Party and Purge in Smolensk: 1933-1937." Slavic Review 42, no. 1 (1983): 60-79.', {
    type: 'article-journal', title: 'Party and Purge in Smolensk: 1933-1937', 'container-title': 'Slavic Review', volume: '42', issue: '1', page: '60-79', issued: { 'date-parts': [[1983]] },
  });
  expectFields('Walter Duranty, "Radek Guilty," New York Times, January 30, 1937, p. 1.', {
    type: 'article-newspaper', 'container-title': 'New York Times', issued: { 'date-parts': [[1937, 1, 30]] }, locator: '1',
  });
  expectFields('Медведев Р. А. О Сталине и сталинизме. — М.: Прогресс, 1990. — С. 45.', {
    shape: 'gost', author: [{ family: 'Медведев', given: 'Р. А.' }], title: 'О Сталине и сталинизме', 'publisher-place': 'М', publisher: 'Прогресс', locator: '45',
  });
  expectFields("Conquest's The Great Terror (1968)", { shape: 'prose', author: [{ family: 'Conquest' }], title: 'The Great Terror', issued: { 'date-parts': [[1968]] } });
  expectFields('(3) Leon Trotsky, Stalin (1941)', { author: [{ given: 'Leon', family: 'Trotsky' }], title: 'Stalin', issued: { 'date-parts': [[1941]] } });
  const ib = parseReference('Ibid., p. 45');
  assert.equal(ib.ibid, true);
  assert.equal(ib.locator, '45');
  assert.equal(parseReference('Conquest, op. cit., p. 112').opCit, true);
});

test('dates: issue dates, months, circa copyright years', () => {
  assert.deepEqual(parseDate('March 3, 1938'), { 'date-parts': [[1938, 3, 3]] });
  assert.deepEqual(parseDate('24 January 1937'), { 'date-parts': [[1937, 1, 24]] });
  assert.deepEqual(parseDate('24 января 1937 г.'), { 'date-parts': [[1937, 1, 24]] });
  assert.deepEqual(parseDate('c1999'), { 'date-parts': [[1999]] });
  assert.equal(parseDate('1937: Year of Terror'), null);
});

test('property: any text parses without throwing; names, titles and places are taken from the text', () => {
  const piece = fc.constantFrom('Medvedev, Roy.', 'Let History Judge.', 'New York:', 'Columbia University Press,', '1989,', 'p. 258', '"Title,"', '(1990).', '[sic]', 'Ibid.', '—', 'М.:', 'eds.', 'trans.', 'and', '&', 'Vol. 3.', '12(3),', '45–67.', 'https://example.org/x', 'doi:10.1000/xyz');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), fc.string({ maxLength: 30 }), (ps, junk) => {
      const text = [...ps, junk].join(' ');
      const r = parseReference(text);
      // (markup the parser takes off, * _ <u>, and spaces before punctuation, are taken off here too)
      const flat = text.replace(/<\/?(?:u|i|b|em|strong|cite)>/gi, '').replace(/[*_]/g, '').replace(/\s*\[[^\]]*[^\d\]\s][^\]]*\]\s*/g, ' ').replace(/\s+/g, ' ').replace(/ ([.,;:])/g, '$1');
      // (a removed link or remark may join two stretches: compare word by word)
      const words = new Set(flat.split(' '));
      const fromText = (v: string) => v.replace(/[*_]/g, '').split(' ').every((w) => [...words].some((x) => x.includes(w)));
      if (r.csl?.title) assert.ok(fromText(r.csl.title), `title ${r.csl.title} not in ${flat}`);
      if (r.csl?.publisher) assert.ok(fromText(r.csl.publisher), `publisher ${r.csl.publisher}`);
      for (const a of r.csl?.author ?? []) if (a.family) assert.ok(fromText(a.family), `family ${a.family}`);
    }),
    { numRuns: 400 },
  );
});

test('detection: reference lines and parenthetical references with exact spans; sentences with years are not references', () => {
  const text = [
    'The trial opened in 1936, as everyone knows. In 1937 the second trial followed (Getty 1985, 112).',
    '',
    'Medvedev, Roy. Let History Judge. New York: Columbia University Press, 1989, p. 258',
    '(3) Leon Trotsky, Stalin (1941)',
    'Ibid., p. 12',
    'He was shot in Moscow (Moscow, 1937) without trial.',
  ].join('\n');
  const found = findCitations(text);
  for (const c of found) assert.equal(text.slice(c.start, c.end), c.text);
  assert.deepEqual(found.map((c) => c.kind + ':' + c.text), [
    'parenthetical:Getty 1985, 112', // the parentheses stay outside the span, as in the detection fixture
    'reference-line:Medvedev, Roy. Let History Judge. New York: Columbia University Press, 1989, p. 258',
    'reference-line:Leon Trotsky, Stalin (1941)', // the list number stays outside, as in the fixture
    'reference-line:Ibid., p. 12',
  ]);
  assert.equal(found[0]!.parsed.locator, '112');
});
