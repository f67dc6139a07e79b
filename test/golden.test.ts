/**
 * Golden files for cleaning and segmentation: every seed of the bundled corpus and
 * every file in test/golden/input → test/golden/output/<name>.clean.txt (the clean
 * text) and <name>.json (removed spans, duplicated sections, passages with offsets,
 * roles, OCR scores and sentence counts). Regenerate on purpose with
 * UPDATE_GOLDEN=1 and read the diff; never silently.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { processDocument } from '../src/ingest/process.js';
import { readFileDocuments } from '../src/ingest/readers/index.js';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'test/golden/output');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const inputs = [
  ...readdirSync(join(ROOT, 'corpus/moscow-trials')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'corpus/moscow-trials', f)),
  ...readdirSync(join(ROOT, 'test/golden/input')).map((f) => join(ROOT, 'test/golden/input', f)),
].sort();

mkdirSync(OUT, { recursive: true });

for (const path of inputs) {
  test(`golden: ${basename(path)}`, async () => {
    const { docs } = await readFileDocuments(path, readFileSync(path));
    assert.ok(docs.length > 0);
    for (const doc of docs) {
      const name = basename(path) + (doc.part ? `#${doc.part}` : '');
      const p = processDocument({
        extracted: doc.extracted,
        sourceId: name,
        fileName: name,
        origin: name,
        format: doc.format,
        encoding: doc.encoding,
      });
      // invariants, whatever the golden says
      for (const x of p.passages) {
        assert.equal(p.cleanText.slice(x.start, x.end), x.text, `passage ${x.key} re-slices`);
        assert.ok(x.text.length <= 2000);
        assert.ok(x.rawStart <= x.rawEnd && x.rawEnd <= p.rawText.length);
      }
      for (const s of p.sentences) assert.equal(p.cleanText.slice(s.start, s.end), s.text);
      const golden = {
        meta: p.meta,
        format: p.format,
        encoding: p.encoding,
        chars: p.cleanText.length,
        rawChars: p.rawText.length,
        removed: p.removed.map((r) => ({ rawStart: r.rawStart, rawEnd: r.rawEnd, reason: r.reason, text: r.text })),
        duplicates: p.duplicates,
        passages: p.passages.map((x) => ({
          key: x.key,
          start: x.start,
          end: x.end,
          rawStart: x.rawStart,
          rawEnd: x.rawEnd,
          role: x.role,
          ocr: x.ocrScore,
          dupOf: x.dupOf,
          sentences: p.sentences.filter((s) => s.passageKey === x.key).length,
          head: x.text.slice(0, 72),
        })),
      };
      const jsonPath = join(OUT, `${name}.json`);
      const cleanPath = join(OUT, `${name}.clean.txt`);
      const json = JSON.stringify(golden, null, 1) + '\n';
      if (UPDATE || !existsSync(jsonPath)) {
        writeFileSync(jsonPath, json);
        writeFileSync(cleanPath, p.cleanText);
        if (!UPDATE) assert.fail(`golden file ${jsonPath} was missing and has been written: review it, then run again`);
      }
      assert.equal(p.cleanText, readFileSync(cleanPath, 'utf8'), `${cleanPath} differs (UPDATE_GOLDEN=1 to regenerate, then review the diff)`);
      assert.deepEqual(JSON.parse(json), JSON.parse(readFileSync(jsonPath, 'utf8')), `${jsonPath} differs (UPDATE_GOLDEN=1 to regenerate, then review the diff)`);
    }
  });
}
