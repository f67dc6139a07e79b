import { findTriggers } from './src/analyze/claims/lexicon.ts';
for (const q of process.argv.slice(2)) console.log(JSON.stringify(q), findTriggers(q).map((x) => `${q.slice(x.index, x.index + x.length)}:${x.concept.kind}:${x.form}`).join(' | '));
