// Entity analysis of an ingested database, timed in its own process (so peak RSS is its own).
// mode "pure": load the documents, then time analyzeEntities alone (one core, no I/O);
// mode "full": time the whole stage as `inquiry analyze` runs it (load, analyze, raw offsets,
// store mentions and entities, replay curation).
// mode "tokenize": the floor: the same clean texts through a plain word tokenizer.
import { resolve } from 'node:path';
const [db, mode] = process.argv.slice(2);
const root = resolve(new URL('..', import.meta.url).pathname);
const { openSqliteStore } = await import(resolve(root, 'dist/store/sqlite/index.js'));
const store = openSqliteStore(db);
let out;
if (mode === 'full') {
  const { analyzeCorpus } = await import(resolve(root, 'dist/pipeline/analyze.js'));
  const t0 = performance.now();
  const r = await analyzeCorpus(store);
  out = { seconds: (performance.now() - t0) / 1000, chars: r.chars, mentions: r.mentions, entities: r.entities };
} else {
  const { loadDocs } = await import(resolve(root, 'dist/pipeline/analyze-load.js'));
  const docs = await loadDocs(store);
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  if (mode === 'tokenize') {
    const re = /[\p{L}\p{N}]+/gu;
    let tokens = 0;
    const t0 = performance.now();
    for (const d of docs) {
      re.lastIndex = 0;
      while (re.test(d.text)) tokens++;
    }
    out = { seconds: (performance.now() - t0) / 1000, chars, bytes, tokens };
  } else {
    const { analyzeEntities } = await import(resolve(root, 'dist/analyze/entities/index.js'));
    const t0 = performance.now();
    const r = analyzeEntities(docs);
    out = { seconds: (performance.now() - t0) / 1000, chars, bytes, mentions: r.mentions.length, entities: r.entities.length };
  }
}
await store.close();
process.stdout.write(JSON.stringify({ ...out, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
