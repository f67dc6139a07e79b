import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractHtml, splitAuthors, toEdtfDate } from '../src/ingest/readers/html.js';
import type { Extracted } from '../src/ingest/readers/types.js';

const ARTICLE_PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>The Moscow Trials Revisited | Example History Review</title>
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="1998-03-02T09:30:00+03:00">
  <meta property="og:url" content="https://history.example.org/og/moscow-trials">
  <link rel="canonical" href="https://history.example.org/articles/moscow-trials">
  <style>body { font-family: Georgia; } .nav-secret { color: red; }</style>
  <script>var trackingSecret = "SCRIPT_TEXT_MUST_NOT_APPEAR"; window.dataLayer = [];</script>
</head>
<body>
  <div id="cookie-banner" class="cookie-consent">
    <p>We use cookies to improve your experience. COOKIE_BANNER_TEXT. <button>Accept all</button></p>
  </div>
  <header class="site-header">
    <a href="/">Example History Review</a>
    <nav><ul><li><a href="/">Home NAV_TEXT</a></li><li><a href="/archive">Archive</a></li><li><a href="/about">About us</a></li></ul></nav>
  </header>
  <div class="layout">
    <main>
      <article>
        <h1>The Moscow Trials Revisited</h1>
        <p class="byline">By <span class="author">Jane Doe</span>, <time datetime="1998-03-02">2 March 1998</time></p>
        <p>Between 1936 and 1938 the Soviet Union staged three public trials in Moscow. The defendants, many of them
           leading Old Bolsheviks, confessed to crimes that the historical record shows they could not have committed.
           The trials were reported across the world &amp; debated for decades.</p>
        <p>Foreign observers were divided. Some diplomats wrote home that the confessions were sincere; others
           doubted every word of them. The American ambassador&#8217;s dispatches are a case in point, and they
           have been quoted selectively by both sides ever since the archives opened.</p>
        <h2>The first trial</h2>
        <p>The first trial, in August 1936, had sixteen defendants, among them Zinoviev and Kamenev. All were
           sentenced to death and shot within days. Prosecutor Vyshinsky&nbsp;demanded that &ldquo;the mad dogs&rdquo;
           be shot, every one of them, and the court obliged without delay.</p>
        <blockquote><p>We demand that these mad dogs be shot, every one of them.</p></blockquote>
        <p>The charges rested almost entirely on the defendants&#x27; own confessions, and the material evidence
           presented in court was thin, contradictory, or demonstrably false in several respects.</p>
        <h2>What the record shows</h2>
        <p>Later investigations identified several impossibilities in the testimony:</p>
        <ul>
          <li>A meeting at the Hotel Bristol in Copenhagen, which had been demolished in 1917.</li>
          <li>A flight to Oslo that no aircraft made, according to the airport records of that winter.</li>
          <li>Contacts with people who were, at the time, demonstrably elsewhere.</li>
        </ul>
        <p>These contradictions were collected by the Dewey Commission in 1937, whose report remains a standard
           source for anyone studying the period and the methods of the prosecution.</p>
      </article>
    </main>
    <aside class="sidebar">
      <h3>Related articles SIDEBAR_TEXT</h3>
      <ul><li><a href="/a">The Great Purge</a></li><li><a href="/b">Show trials elsewhere</a></li></ul>
    </aside>
  </div>
  <footer class="site-footer"><p>&copy; 2024 Example History Review. FOOTER_TEXT. All rights reserved.</p></footer>
  <script>document.write("SECOND_SCRIPT_TEXT");</script>
</body>
</html>`;

/** Every copy segment re-slices the markup exactly; segments are contiguous in clean space. */
function assertMapRoundTrips(x: Extracted): void {
  const seg = Array.from(x.map.seg);
  assert.equal(seg.length % 5, 0);
  assert.equal(x.map.cleanLength, x.text.length);
  assert.equal(x.map.rawLength, x.rawText.length);
  let expectedStart = 0;
  let lastRaw = 0;
  for (let i = 0; i < seg.length; i += 5) {
    const [c0, c1, r0, r1, kind] = seg.slice(i, i + 5) as [number, number, number, number, number];
    assert.equal(c0, expectedStart, `segment ${i / 5} is contiguous in clean space`);
    assert.ok(c1 > c0, 'segments are non-empty');
    assert.ok(r0 <= r1 && r1 <= x.rawText.length, 'raw range is valid');
    assert.ok(r0 >= lastRaw, 'raw ranges are in document order');
    lastRaw = r1;
    if (kind === 0) {
      assert.equal(r1 - r0, c1 - c0, 'copy segments have equal lengths');
      assert.equal(x.rawText.slice(r0, r1), x.text.slice(c0, c1), `copy segment ${i / 5} round-trips`);
    } else {
      assert.equal(kind, 1);
    }
    expectedStart = c1;
  }
  assert.equal(expectedStart, x.text.length, 'segments cover the text');
}

/** The raw range of a clean span, widened to the enclosing element named `tag`. */
function enclosedBy(x: Extracted, start: number, end: number, tags: string[]): boolean {
  const r0 = x.map.toRawStart(start);
  const r1 = x.map.toRawEnd(end);
  const before = x.rawText.slice(0, r0).toLowerCase();
  const after = x.rawText.slice(r1).toLowerCase();
  return tags.some((tag) => {
    const open = before.lastIndexOf(`<${tag}`);
    const close = before.lastIndexOf(`</${tag}>`);
    return open >= 0 && open > close && after.includes(`</${tag}>`);
  });
}

test('html: article page keeps main content in order and drops furniture and scripts', () => {
  const x = extractHtml(ARTICLE_PAGE, 'moscow.html');
  assert.equal(x.rawText, ARTICLE_PAGE);
  for (const junk of [
    'SCRIPT_TEXT_MUST_NOT_APPEAR',
    'SECOND_SCRIPT_TEXT',
    'trackingSecret',
    'font-family',
    'COOKIE_BANNER_TEXT',
    'NAV_TEXT',
    'SIDEBAR_TEXT',
    'FOOTER_TEXT',
    'Accept all',
  ]) {
    assert.ok(!x.text.includes(junk), `"${junk}" must not be in the text`);
  }
  const expectedOrder = [
    'Between 1936 and 1938 the Soviet Union staged three public trials in Moscow.',
    'Foreign observers were divided.',
    'The first trial',
    'The first trial, in August 1936, had sixteen defendants',
    'We demand that these mad dogs be shot, every one of them.',
    'What the record shows',
    'A meeting at the Hotel Bristol in Copenhagen, which had been demolished in 1917.',
    'A flight to Oslo that no aircraft made',
    'These contradictions were collected by the Dewey Commission in 1937',
  ];
  let at = -1;
  for (const s of expectedOrder) {
    const i = x.text.indexOf(s, at + 1);
    assert.ok(i > at, `"${s}" present after previous paragraph`);
    at = i;
  }
  // entities decoded; whitespace collapsed inside paragraphs
  assert.ok(x.text.includes('across the world & debated'));
  assert.ok(x.text.includes('The American ambassador\u2019s dispatches'));
  assert.ok(x.text.includes('Vyshinsky demanded that \u201cthe mad dogs\u201d'), '&nbsp; collapses to a space');
  assert.ok(x.text.includes('defendants\' own confessions'));
  assert.ok(!/&(?:amp|#8217|nbsp|ldquo|rdquo|#x27);/.test(x.text), 'no raw entities left');
  assert.ok(!/[ \t]{2,}/.test(x.text), 'whitespace runs collapsed');
  assert.ok(!x.text.startsWith(' ') && !x.text.endsWith(' ') && !x.text.endsWith('\n'), 'trimmed');
  // block structure
  assert.ok(x.text.includes('Moscow. The defendants'), 'line breaks inside a paragraph become spaces');
  assert.ok(x.text.includes('ever since the archives opened.\n\nThe first trial\n\nThe first trial, in August'));
  assert.ok(x.text.includes('demolished in 1917.\nA flight to Oslo'), 'list items separated by one newline');
  assert.deepEqual(x.warnings, []);
  assertMapRoundTrips(x);
});

test('html: decoded entities are replace segments mapping to the entity markup', () => {
  const x = extractHtml(ARTICLE_PAGE, 'moscow.html');
  // [context in the text, index of the decoded character within it, entity markup]
  const cases: Array<[string, number, string]> = [
    ['world & debated', 6, '&amp;'],
    ['ambassador\u2019s', 10, '&#8217;'],
    ['Vyshinsky demanded', 9, '&nbsp;'], // whitespace: collapsed to ' ', still mapped to the entity
    ['that \u201cthe', 5, '&ldquo;'],
    ["defendants' own", 10, '&#x27;'],
  ];
  for (const [context, k, entity] of cases) {
    const c = x.text.indexOf(context);
    assert.ok(c >= 0, `${entity} decoded in "${context}"`);
    const [r0, r1] = x.map.toRaw(c + k, c + k + 1);
    assert.equal(x.rawText.slice(r0, r1), entity, `${entity} maps back to its markup`);
    const seg = Array.from(x.map.seg);
    const i = seg.findIndex((v, j) => j % 5 === 0 && v === c + k);
    assert.equal(seg[i + 4], 1, `${entity} is a replace segment`);
  }
  // a whole paragraph maps back to its markup, modulo tags and whitespace
  const p = 'The trials were reported across the world & debated for decades.';
  const c = x.text.indexOf(p);
  const [r0, r1] = x.map.toRaw(c, c + p.length);
  assert.equal(x.rawText.slice(r0, r1), 'The trials were reported across the world &amp; debated for decades.');
});

test('html: structure hints re-slice to text inside their elements', () => {
  const x = extractHtml(ARTICLE_PAGE, 'moscow.html');
  const roleTags: Record<string, string[]> = {
    heading: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    quote: ['blockquote'],
    list: ['li'],
  };
  assert.ok(x.hints.length >= 6);
  for (const h of x.hints) {
    assert.ok(h.start < h.end && h.end <= x.text.length);
    const slice = x.text.slice(h.start, h.end);
    assert.equal(slice, slice.trim(), 'hints are trimmed');
    assert.ok(enclosedBy(x, h.start, h.end, roleTags[h.role] ?? []), `${h.role} hint "${slice}" lies in its element`);
  }
  const texts = (role: string) => x.hints.filter((h) => h.role === role).map((h) => x.text.slice(h.start, h.end));
  assert.deepEqual(texts('heading').filter((t) => t !== 'The Moscow Trials Revisited'), ['The first trial', 'What the record shows']);
  assert.deepEqual(texts('quote'), ['We demand that these mad dogs be shot, every one of them.']);
  assert.deepEqual(texts('list'), [
    'A meeting at the Hotel Bristol in Copenhagen, which had been demolished in 1917.',
    'A flight to Oslo that no aircraft made, according to the airport records of that winter.',
    'Contacts with people who were, at the time, demonstrably elsewhere.',
  ]);
  // hints are sorted
  for (let i = 1; i < x.hints.length; i++) assert.ok(x.hints[i - 1]!.start <= x.hints[i]!.start);
});

test('html: metadata from the page', () => {
  const x = extractHtml(ARTICLE_PAGE, 'moscow.html');
  assert.equal(x.meta.title, 'The Moscow Trials Revisited', 'site name stripped from the <title>');
  assert.deepEqual(x.meta.authors, ['Jane Doe']);
  assert.equal(x.meta.date, '1998-03-02');
  assert.equal(x.meta.language, 'en-GB');
  assert.equal(x.meta.url, 'https://history.example.org/articles/moscow-trials');
  assert.deepEqual(x.meta.metaOrigin, { title: 'html', authors: 'html', date: 'html', language: 'html', url: 'html' });
});

test('html: metadata fallbacks (time element, og:url, first h1, year-only date)', () => {
  const page = `<html><head><meta property="og:url" content="https://example.org/x"></head>
<body><nav>Menu</nav><h1>Only   Heading</h1><p>Some text <time datetime="1937">in 1937</time>.</p></body></html>`;
  const x = extractHtml(page, 'x.html');
  assert.equal(x.meta.date, '1937');
  assert.equal(x.meta.url, 'https://example.org/x');
  assert.equal(x.meta.title, 'Only Heading');
  assert.equal(x.meta.language, undefined);
  assert.ok(x.text.includes('Some text in 1937.'));
  assertMapRoundTrips(x);
});

test('html: tiny page where readability finds nothing falls back to body text', () => {
  const page = `<p>Tiny &amp; short.</p>`;
  const x = extractHtml(page, 'tiny.html');
  assert.equal(x.text, 'Tiny & short.');
  assert.equal(x.warnings.length, 1);
  assert.match(x.warnings[0]!, /readability found no main content; using all <body> text/);
  assertMapRoundTrips(x);
});

test('html: fallback skips nav/header/footer/aside/form but keeps body paragraphs', () => {
  const page = `<html><body><header>HEAD_TEXT</header><nav>NAV_TEXT</nav>
<p>Alpha.</p><form><label>FORM_TEXT</label></form><div>Beta<br>Gamma</div>
<aside>ASIDE_TEXT</aside><footer>FOOT_TEXT</footer></body></html>`;
  const x = extractHtml(page, 'short.html');
  // readability takes the whole body of a page this short; furniture is dropped on either path
  for (const junk of ['HEAD_TEXT', 'NAV_TEXT', 'FORM_TEXT', 'ASIDE_TEXT', 'FOOT_TEXT']) assert.ok(!x.text.includes(junk), junk);
  assert.ok(x.text.includes('Beta\nGamma'));
  assertMapRoundTrips(x);
});

test('html: when readability picks text that is not in the rendered markup, the fallback is used', () => {
  // readability (on linkedom) reads inside <template>; the positioned tokenizer never does
  const long = 'This sentence belongs to an inert template that a browser would never render. '.repeat(12);
  const page = `<html><body><p>Visible intro line.</p><template><article><p>${long}</p><p>${long}</p></article></template></body></html>`;
  const x = extractHtml(page, 'template.html');
  assert.equal(x.text, 'Visible intro line.');
  assert.equal(x.warnings.length, 1);
  assert.match(x.warnings[0]!, /main content could not be located in the markup \(\d+% of readability's article text aligned\); using all <body> text/);
  assertMapRoundTrips(x);
});

test('html: content after an unclosed <head> is body text', () => {
  const x = extractHtml('<head><meta charset=utf-8><title>T</title>\n<h1>Head</h1><p>Body text here.</p>', 'h.html');
  assert.equal(x.text, 'Head\n\nBody text here.');
  assert.equal(x.meta.title, 'T');
  assertMapRoundTrips(x);
});

test('html: date and author helpers', () => {
  assert.equal(toEdtfDate('1998-03-02T09:30:00+03:00'), '1998-03-02');
  assert.equal(toEdtfDate('1937'), '1937');
  assert.equal(toEdtfDate('1937-05'), '1937-05');
  assert.equal(toEdtfDate('1937/5/4'), '1937-05-04');
  assert.equal(toEdtfDate('1937-02-30'), null);
  assert.equal(toEdtfDate('March 1937'), null);
  assert.deepEqual(splitAuthors('By Jane Doe and John Roe'), ['Jane Doe', 'John Roe']);
  assert.deepEqual(splitAuthors('Jane Doe, John Roe & Ann Poe'), ['Jane Doe', 'John Roe', 'Ann Poe']);
  assert.deepEqual(splitAuthors('Doe, Jane'), ['Doe, Jane']);
});

test('html: scripts, javascript: links and event handlers never reach the text', () => {
  const page = `<!doctype html><html><head><title>XSS test</title></head><body>
<article><h1>Report</h1>
<p>Before the script. This paragraph is long enough to look like an article body to any content detector, and it
has several sentences. It talks about nothing in particular, but it does so at considerable length.</p>
<script>alert(1)</script>
<p>A link: <a href="javascript:alert(1)">x</a> and an image <img src="nope.png" onerror="alert(2)" alt="alt text">
that fails. <span onclick="alert(3)">Clickable span.</span> The paragraph goes on for a while so that the page has
enough prose in it to be treated as an article by readability.</p>
<style>p { color: expression(alert(4)); }</style>
<noscript>NOSCRIPT_TEXT</noscript><template><p>TEMPLATE_TEXT</p></template>
<svg><text>SVG_TEXT</text><script>alert(5)</script></svg>
<!-- alert(6) -->
</article></body></html>`;
  const x = extractHtml(page, 'xss.html');
  assert.ok(!/alert|expression|onerror|onclick|javascript:/i.test(x.text), `no script code in: ${x.text}`);
  for (const junk of ['NOSCRIPT_TEXT', 'TEMPLATE_TEXT', 'SVG_TEXT']) assert.ok(!x.text.includes(junk), junk);
  assert.ok(x.text.includes('Before the script.'));
  assert.ok(x.text.includes('A link: x and an image that fails. Clickable span.'));
  assertMapRoundTrips(x);
  // the same holds for the fallback path
  const tiny = extractHtml('<p>Hi <a href="javascript:alert(1)">x</a><script>alert(1)</script><img src=x onerror=alert(1)></p>', 't.html');
  assert.equal(tiny.text, 'Hi x');
  assertMapRoundTrips(tiny);
});

test('html: preformatted text keeps its whitespace; tables separate cells', () => {
  const page = `<body><pre>line one
    indented  two</pre><table><tr><td>a1</td><td>b1</td></tr><tr><td>a2</td><td>b2</td></tr></table></body>`;
  const x = extractHtml(page, 'pre.html');
  assert.ok(x.text.includes('line one\n    indented  two'), JSON.stringify(x.text));
  assert.ok(x.text.includes('a1 b1\n\na2 b2'), JSON.stringify(x.text));
  assertMapRoundTrips(x);
});

test('html: empty document yields empty text and a warning', () => {
  const x = extractHtml('<html><head><title>t</title></head><body>  </body></html>', 'empty.html');
  assert.equal(x.text, '');
  assert.equal(x.map.segmentCount, 0);
  assert.ok(x.warnings.some((w) => /no text content/.test(w)));
});

test('html: property — any markup soup yields a map whose copy segments re-slice the markup', () => {
  const token = fc.oneof(
    fc.constantFrom(
      '<p>', '</p>', '<div class="content">', '</div>', '<br>', '<li>', '</li>', '<ul>', '</ul>', '<h2>', '</h2>',
      '<blockquote>', '</blockquote>', '<pre>', '</pre>', '<em>', '</em>', '<a href="javascript:alert(1)">', '</a>',
      '<nav>', '</nav>', '<footer>', '</footer>', '<td>', '<tr>', '<table>', '</table>', '<!-- note -->',
      '<script>SCRIPTCODE()</script>', '<style>.STYLECODE{}</style>', '<img src=x onerror=ONERRORCODE()>',
      '&amp;', '&nbsp;', '&#8217;', '&#x201C;', '&copy', '&bogus;', ' ', '\n', '\t  ', '< ', '>', 'a < b',
      '<article>', '</article>', '<body>', '</body>',
    ),
    fc.string({ unit: fc.constantFrom('a', 'b', 'Z', ' ', '\u00e9', '\ud83d\ude00', '.', ','), minLength: 1, maxLength: 12 }),
  );
  // A stray '<' is followed by a space: "<a<script>" is, per the HTML tokenizer, one tag named
  // "a<script", after which the script body is visible text in browsers too.
  fc.assert(
    fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
      const raw = tokens.join('');
      const x = extractHtml(raw, 'soup.html');
      assertMapRoundTrips(x);
      assert.ok(!/SCRIPTCODE|STYLECODE|ONERRORCODE/.test(x.text));
      assert.equal(x.text, x.text.trim());
      for (const h of x.hints) assert.ok(h.start < h.end && h.end <= x.text.length);
    }),
    { numRuns: 300 },
  );
});
