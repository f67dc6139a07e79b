import { findCitations } from './src/analyze/citations/detect.js';
import { corpusContext, extractClaims } from './src/analyze/claims/extract.js';
import { analyzeEntities } from './src/analyze/entities/index.js';
import { findDates } from './src/analyze/time/dates.js';
const texts = process.argv.slice(2);
const docs = texts.map((t, i) => ({ sourceId: 'd' + i, versionId: i + 1, text: t, lang: /[а-я]{3}/i.test(t) ? 'ru' : 'en', passages: [{ key: 'd' + i, start: 0, end: t.length }] }));
const ents = analyzeEntities(docs);
const names = new Map(ents.entities.map((e) => [e.key, e.name]));
const prepared = docs.map((d) => {
  const dates = findDates(d.text, 0, d.text.length, { exclude: [] });
  const mentions = ents.mentions.filter((m) => m.sourceId === d.sourceId).map((m) => ({ start: m.start, end: m.end, entity: m.entity, type: m.type, name: names.get(m.entity) ?? m.text }));
  return { d, dates, mentions, text: d.text, exclude: [] as Array<[number, number]> };
});
const ctx = corpusContext(prepared);
for (const p of prepared) {
  console.log('--', p.mentions.map((m) => `${p.text.slice(m.start, m.end)}=${m.entity}`).join(' '), '| dates:', p.dates.map((d) => `${p.text.slice(d.start, d.end)}=${d.edtf}`).join(' '));
  for (const c of extractClaims({ sourceId: p.d.sourceId, text: p.d.text, lang: p.d.lang }, p.mentions, p.dates, ctx)) console.log('  ', c.predicate, c.subject, JSON.stringify(c.value), c.time, '|', c.text);
}
