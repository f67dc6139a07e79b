/**
 * The `inquiry` command: parses arguments, calls ops, prints. Side effects (output
 * streams, terminal detection, cwd, env) are injected so tests run it in process.
 *
 * Exit codes: 0 success; 1 the operation failed, or some input file failed to
 * ingest (the others went in); 2 usage error.
 */
import { Command, CommanderError, Option } from 'commander';
import { createWriteStream } from 'node:fs';
import { InquiryError, errorMessage, formatProblem } from '../core/errors.js';
import { ops, openStore, resolveDbPath } from '../ops/index.js';
import { getSetting, SETTINGS } from '../ops/settings.js';
import type { Store } from '../store/store.js';
import { analyzeReporter, ingestReporter } from './progress.js';

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  cwd: string;
  env: Record<string, string | undefined>;
  /** serve blocks until the returned promise resolves (tests pass a signal) */
  onServe?: (info: { url: string; close: () => Promise<void> }) => Promise<void> | void;
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

interface Common {
  db?: string;
  json?: boolean;
}

function common(cmd: Command): Command {
  return cmd
    .option('--db <file>', `SQLite file (default: ${getSetting('db')})`)
    .option('--json', 'machine-readable JSON on stdout');
}

const list = (v: string, prev: string[] = []) => prev.concat(v.split(',').map((s) => s.trim()).filter(Boolean));
const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new CliError(`not a whole number: ${v}`, 2);
  return n;
};

export async function main(argv: string[], io: Io): Promise<number> {
  const out = (s: string): void => {
    io.stdout.write(s);
  };
  const err = (s: string): void => {
    io.stderr.write(s);
  };
  const json = (v: unknown): void => out(JSON.stringify(v, null, 2) + '\n');
  let exitCode = 0;
  const withStore = async <T>(o: Common, fn: (s: Store) => Promise<T>, readonly = false): Promise<T> => {
    const store = openStore({ db: o.db, cwd: io.cwd, readonly });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  };

  const program = new Command('inquiry')
    .description('Inquiry: a checkable record of contested sources: ingest, search, show, export, serve.')
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err })
    .showHelpAfterError('(inquiry --help lists the commands)');

  common(program.command('ingest'))
    .description('ingest files, directories (recursively) and globs: .txt .md .html .pdf .jsonl (passim)')
    .argument('<paths...>', 'files, directories or glob patterns')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .option('--no-analyze', 'skip entity analysis after ingest (run "inquiry analyze" later)')
    .action(async (paths: string[], o: Common & { progress: boolean; analyze: boolean }) => {
      const bars = o.progress && !!io.stderr.isTTY && !io.env.CI;
      const rep = ingestReporter({ stderr: io.stderr, stdout: io.stdout, json: !!o.json, progress: bars });
      const { summary, analysis } = await withStore(o, async (s) => {
        const summary = await ops.ingest(s, paths, { cwd: io.cwd, onEvent: rep.onEvent });
        rep.finish(summary);
        if (!o.analyze) return { summary, analysis: null };
        const arep = analyzeReporter({ stderr: io.stderr, stdout: io.stdout, json: !!o.json, progress: bars });
        const analysis = await ops.analyze(s, { onProgress: arep.onProgress });
        arep.finish(analysis);
        return { summary, analysis };
      });
      if (o.json) json({ ok: summary.errors.length === 0, db: resolveDbPath({ db: o.db, cwd: io.cwd }), ...summary, analysis });
      if (summary.errors.length) exitCode = 1;
    });

  common(program.command('analyze'))
    .description('run the analyses over every source again: entities (replaying the curation log), reuse, citations and works, then dates, events and claims')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .option('--no-reuse', 'skip reuse detection')
    .option('--min-words <n>', 'shortest reused passage reported (default 15)', int)
    .action(async (o: Common & { progress: boolean; reuse: boolean; minWords?: number }) => {
      const arep = analyzeReporter({ stderr: io.stderr, stdout: io.stdout, json: !!o.json, progress: o.progress && !!io.stderr.isTTY && !io.env.CI });
      const r = await withStore(o, (s) => ops.analyze(s, { onProgress: arep.onProgress, reuse: o.reuse, minWords: o.minWords }));
      arep.finish(r);
      if (o.json) json({ ok: true, ...r });
    });

  common(program.command('reuse'))
    .description('passages that occur in two or more places (quotations across sources, repeats within one); with a key, one family side by side')
    .argument('[key]', 'a family key (see the list): its occurrences and how each differs from the fullest text')
    .addOption(new Option('--kind <kind>', 'only quotations across sources, or repeats within one').choices(['quotation', 'duplicate']))
    .option('--cross-doc', 'only families found in two or more sources')
    .option('--min-words <n>', 'only passages at least this long', int)
    .addOption(new Option('--severity <s>', 'only families with an altered copy: meaning-changing, or any change').choices(['meaning', 'cosmetic']))
    .option('--source <id>', 'only families with an occurrence in this source')
    .option('--limit <n>', 'how many', int)
    .option('--offset <n>', 'skip this many', int)
    .action(async (key: string | undefined, o: Common & { kind?: string; crossDoc?: boolean; minWords?: number; severity?: string; source?: string; limit?: number; offset?: number }) => {
      if (key) {
        const r = await withStore(o, (s) => ops.reuseFamily(s, key), true);
        if (o.json) return json({ ok: true, ...r });
        const f = r.family;
        out(`${f.key}  ${f.kind}, ${f.words} words, ${f.occurrences.length} occurrences in ${f.sources} sources, severity ${f.severity}\n`);
        for (const x of f.occurrences) {
          out(`\n${x.base ? '* base ' : '  '}${x.sourceId} ${x.start}-${x.end} (raw ${x.rawStart}-${x.rawEnd})${x.date ? ' ' + x.date : ''}${x.perspective.length ? ' [' + x.perspective.join(', ') + ']' : ''}${x.repeat ? ' (repeated in this source)' : ''}\n`);
          if (x.attribution) out(`  attributed: ${x.attribution.text}\n`);
          out(`  ${x.summary}\n`);
          for (const d of x.divergences) out(`    ${d.class.padEnd(16)} ${d.severity === 'meaning' ? `MEANING (${d.why})` : 'cosmetic'}  "${d.base.text}" → "${d.copy.text}"\n`);
        }
        return;
      }
      const r = await withStore(o, (s) => ops.reuse(s, { kind: o.kind, crossDoc: o.crossDoc, minWords: o.minWords, severity: o.severity, source: o.source, limit: o.limit, offset: o.offset }), true);
      if (o.json) return json({ ok: true, ...r });
      if (!r.items.length) return out('no reused passages (run inquiry analyze after ingest, or loosen the filters)\n');
      for (const f of r.items) out(`${String(f.words).padStart(5)}w ${String(f.occurrences).padStart(3)}× ${String(f.sources).padStart(2)} src  ${f.kind.padEnd(9)} ${f.severity.padEnd(8)} ${f.key}  ${f.preview.slice(0, 90)}\n`);
      out(`${(o.offset ?? 0) + r.items.length} of ${r.total}\n`);
    });

  common(program.command('works'))
    .description('the works the sources cite, references merged (editions kept apart), with cited-by counts')
    .option('--q <text>', 'titles or authors containing this text')
    .option('--source <id>', 'only works this source cites')
    .option('--limit <n>', 'how many', int)
    .option('--offset <n>', 'skip this many', int)
    .action(async (o: Common & { q?: string; source?: string; limit?: number; offset?: number }) => {
      const r = await withStore(o, (s) => ops.works(s, { q: o.q, source: o.source, limit: o.limit, offset: o.offset }), true);
      if (o.json) return json({ ok: true, ...r });
      if (!r.items.length) return out('no works (run inquiry analyze after ingest, or loosen the filters)\n');
      for (const w of r.items) {
        const who = (w.csl.author ?? w.csl.editor ?? []).map((n) => n.family ?? n.literal).filter(Boolean).join(', ');
        const year = w.csl.issued?.['date-parts']?.[0]?.[0] ?? '';
        out(`${String(w.citations).padStart(4)}× ${String(w.sources).padStart(2)} src  ${who ? who + ', ' : ''}${w.title}${year ? ` (${year})` : ''}${w.editions.length > 1 ? `  [${w.editions.length} editions]` : ''}  ${w.key}\n`);
      }
      out(`${(o.offset ?? 0) + r.items.length} of ${r.total}\n`);
    });

  common(program.command('work'))
    .description('one work: its record, editions, why its references were merged, and every place it is cited')
    .argument('<key>', 'work key (see inquiry works)')
    .action(async (key: string, o: Common) => {
      const r = await withStore(o, (s) => ops.work(s, key), true);
      if (o.json) return json({ ok: true, ...r });
      const w = r.work;
      out(`${w.title}  (${w.key})\n${w.citations} citations in ${w.sources} sources; by perspective: ${Object.entries(w.citedBy.byPerspective).map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
      out(`editions: ${w.editions.map((e) => `${e.key.split('@')[1]} (${e.citations.length})`).join(', ')}\n`);
      for (const ev of w.evidence) out(`  [${ev.rule}] ${ev.detail}\n`);
      out('\ncited:\n');
      for (const c of r.citations) out(`  ${c.sourceId} ${c.start}-${c.end}${c.parsed.locator ? ` p. ${c.parsed.locator}` : ''}  ${c.text.replace(/\s+/g, ' ').slice(0, 140)}\n`);
    });

  common(program.command('evidence'))
    .description('claims a source argues (headings in capitals) with the passages offered as evidence, their citations and works; with a key, one')
    .argument('[key]', 'a claim heading key: its evidence passages, their citations and the works they rest on')
    .option('--q <text>', 'headings containing this text')
    .option('--source <id>', 'only this source')
    .option('--limit <n>', 'how many', int)
    .option('--offset <n>', 'skip this many', int)
    .action(async (key: string | undefined, o: Common & { q?: string; source?: string; limit?: number; offset?: number }) => {
      if (key) {
        const r = await withStore(o, (s) => ops.evidenceClaim(s, key), true);
        if (o.json) return json({ ok: true, ...r });
        out(`${r.claim.text}\n(${r.claim.sourceId} ${r.claim.start}-${r.claim.end})\n`);
        for (const e of r.claim.evidence) out(`\n  "${e.passage.text.replace(/\s+/g, ' ').slice(0, 200)}"\n    — ${e.citation.text.slice(0, 140)}${e.work ? `\n    → ${e.work.title} (${e.work.key})` : ''}\n`);
        return;
      }
      const r = await withStore(o, (s) => ops.evidence(s, { q: o.q, source: o.source, limit: o.limit, offset: o.offset }), true);
      if (o.json) return json({ ok: true, ...r });
      for (const c of r.items) out(`${String(c.evidence).padStart(3)} ev ${String(c.works).padStart(2)} works  ${c.sourceId}  ${c.text.slice(0, 90)}  ${c.key}\n`);
      out(`${(o.offset ?? 0) + r.items.length} of ${r.total}\n`);
    });

  common(program.command('claims'))
    .description('checkable claims (outcomes, counts, dates, places, presence, existence, attributions) and how sources agree or conflict on them; with a key, one claim and its comparisons')
    .argument('[key]', 'a claim key')
    .addOption(new Option('--predicate <p>', 'only this predicate').choices(['outcome', 'count', 'date', 'place', 'presence', 'existence', 'attribution']))
    .option('--subject <key>', 'only claims about this subject (an entity key, "trial@1937-01", …)')
    .addOption(new Option('--relation <r>', 'only claims with a comparison of this kind').choices(['agree', 'partial', 'conflict']))
    .option('--source <id>', 'only this source')
    .option('--q <text>', 'claims containing this text')
    .option('--limit <n>', 'how many', int)
    .option('--offset <n>', 'skip this many', int)
    .action(async (key: string | undefined, o: Common & { predicate?: string; subject?: string; relation?: string; source?: string; q?: string; limit?: number; offset?: number }) => {
      if (key) {
        const r = await withStore(o, (s) => ops.claim(s, key), true);
        if (o.json) return json({ ok: true, ...r });
        const c = r.claim;
        out(`${c.predicate}: ${c.subjectLabel} — ${c.valueLabel}${c.time ? ` (${c.time})` : ''}\n"${c.text.replace(/\s+/g, ' ')}"\n${c.sourceTitle}${c.perspective ? ` [${c.perspective}]` : ''}  ${c.sourceId} ${c.start}-${c.end}\n`);
        for (const x of r.comparisons) out(`\n  ${x.relation.toUpperCase().padEnd(8)} ${x.reason}\n    "${x.other.text.replace(/\s+/g, ' ').slice(0, 160)}"\n    ${x.other.sourceTitle}${x.other.perspective ? ` [${x.other.perspective}]` : ''}  ${x.other.key}\n`);
        return;
      }
      const r = await withStore(o, (s) => ops.claims(s, { predicate: o.predicate, subject: o.subject, relation: o.relation, source: o.source, q: o.q, limit: o.limit, offset: o.offset }), true);
      if (o.json) return json({ ok: true, ...r });
      for (const c of r.items) out(`${c.predicate.padEnd(11)} ${c.subjectLabel.slice(0, 40).padEnd(40)} ${c.valueLabel.slice(0, 36).padEnd(36)} ${c.conflict ? `${c.conflict}✗ ` : ''}${c.agree ? `${c.agree}✓ ` : ''}${c.sourceId}  ${c.key}\n`);
      out(`${(o.offset ?? 0) + r.items.length} of ${r.total}\n`);
    });

  common(program.command('conflicts'))
    .description('disputed points: claims in different sources that cannot all be true, each side with its sources and spans (Inquiry does not say which is right); with a key, one')
    .argument('[key]', 'a disputed point key')
    .addOption(new Option('--predicate <p>', 'only this predicate').choices(['outcome', 'count', 'date', 'place', 'presence', 'existence', 'attribution']))
    .option('--source <id>', 'only points this source takes part in')
    .option('--q <text>', 'points mentioning this text')
    .option('--limit <n>', 'how many', int)
    .option('--offset <n>', 'skip this many', int)
    .action(async (key: string | undefined, o: Common & { predicate?: string; source?: string; q?: string; limit?: number; offset?: number }) => {
      const show = (d: Awaited<ReturnType<typeof ops.conflict>>['dispute']) => {
        out(`${d.topic}  (${d.predicate}, ${d.sourceCount} sources)  ${d.key}\n`);
        for (const side of d.sides) {
          out(`  ▸ ${side.stance}\n`);
          for (const c of side.claims) out(`      ${c.sourceTitle}${c.perspective ? ` [${c.perspective}]` : ''} ${c.sourceId}:${c.start}-${c.end}  "${c.text.replace(/\s+/g, ' ').slice(0, 120)}"\n`);
        }
      };
      if (key) {
        const r = await withStore(o, (s) => ops.conflict(s, key), true);
        if (o.json) return json({ ok: true, ...r });
        show(r.dispute);
        for (const c of r.comparisons) out(`  ${c.relation.padEnd(8)} ${c.reason}\n`);
        return;
      }
      const r = await withStore(o, (s) => ops.conflicts(s, { predicate: o.predicate, source: o.source, q: o.q, limit: o.limit, offset: o.offset }), true);
      if (o.json) return json({ ok: true, ...r });
      for (const d of r.items) {
        show(d);
        out('\n');
      }
      out(`${(o.offset ?? 0) + r.items.length} of ${r.total}\n`);
    });

  common(program.command('dates'))
    .description('date expressions with their spans, normalized to EDTF (unresolved relative ones have none)')
    .option('--source <id>', 'only this source')
    .option('--from <date>', 'dates that reach this date or later (YYYY, YYYY-MM, YYYY-MM-DD)')
    .option('--to <date>', 'dates that begin by this date')
    .option('--limit <n>', 'how many', int)
    .option('--offset <n>', 'skip this many', int)
    .action(async (o: Common & { source?: string; from?: string; to?: string; limit?: number; offset?: number }) => {
      const r = await withStore(o, (s) => ops.dates(s, { source: o.source, from: o.from, to: o.to, limit: o.limit, offset: o.offset }), true);
      if (o.json) return json({ ok: true, ...r });
      for (const d of r.items) out(`${(d.edtf ?? '(unresolved)').padEnd(24)} ${d.form.padEnd(11)} ${d.sourceId}:${d.start}-${d.end}  ${d.text}\n`);
      out(`${(o.offset ?? 0) + r.items.length} of ${r.total}\n`);
    });

  common(program.command('events'))
    .description('events (something happening at a date) with actors, places and spans; events several sources state share a group, and groups whose dates disagree are flagged')
    .option('--source <id>', 'only this source')
    .option('--from <date>', 'events that reach this date or later')
    .option('--to <date>', 'events that begin by this date')
    .option('--trigger <kind>', 'arrest, trial, sentence, execution, death, suicide, meeting, travel, release, rehabilitation, expulsion, fire, other')
    .option('--conflict', 'only events whose group has disagreeing dates')
    .option('--limit <n>', 'how many', int)
    .option('--offset <n>', 'skip this many', int)
    .action(async (o: Common & { source?: string; from?: string; to?: string; trigger?: string; conflict?: boolean; limit?: number; offset?: number }) => {
      const r = await withStore(o, (s) => ops.events(s, { source: o.source, from: o.from, to: o.to, trigger: o.trigger, conflict: o.conflict, limit: o.limit, offset: o.offset }), true);
      if (o.json) return json({ ok: true, ...r });
      for (const e of r.items) out(`${e.edtf.padEnd(24)} ${e.trigger.padEnd(11)} ${e.conflict ? '⚠ ' : '  '}${e.sourceId}  ${e.actors.map((a) => a.name).join(', ').slice(0, 40)}  ${e.text.replace(/\s+/g, ' ').slice(0, 100)}\n`);
      out(`${(o.offset ?? 0) + r.items.length} of ${r.total}\n`);
    });

  common(program.command('timeline'))
    .description('events on one time line per source or per perspective, with the groups several sources state (⚠: their dates disagree)')
    .addOption(new Option('--by <lane>', 'one lane per').choices(['source', 'perspective']).default('source'))
    .option('--from <date>', 'from this date')
    .option('--to <date>', 'to this date')
    .option('--trigger <kind>', 'only this kind of event')
    .action(async (o: Common & { by: string; from?: string; to?: string; trigger?: string }) => {
      const r = await withStore(o, (s) => ops.timeline(s, { by: o.by, from: o.from, to: o.to, trigger: o.trigger }), true);
      if (o.json) return json({ ok: true, ...r });
      for (const l of r.lanes) {
        out(`── ${l.label}${l.perspective && o.by === 'source' ? ` [${l.perspective}]` : ''} (${l.events.length})\n`);
        for (const e of l.events) out(`   ${e.edtf.padEnd(24)} ${e.conflict ? '⚠' : ' '} ${e.trigger.padEnd(11)} ${e.text.replace(/\s+/g, ' ').slice(0, 90)}\n`);
      }
      const bad = r.groups.filter((g) => g.conflict);
      if (bad.length) out(`\n${bad.length} events the sources date differently:\n${bad.map((g) => `  ⚠ ${g.label}: ${g.members.map((m) => `${m.edtf} (${m.sourceId})`).join(' / ')}`).join('\n')}\n`);
    });

  common(program.command('bibliography'))
    .description('a formatted bibliography of the works cited, for one source or the corpus')
    .option('--source <id>', 'only the works this source cites')
    .addOption(new Option('--style <style>', 'citation style').choices(['chicago-author-date', 'apa', 'harvard1']).default('chicago-author-date'))
    .action(async (o: Common & { source?: string; style: string }) => {
      const r = await withStore(o, (s) => ops.bibliography(s, { source: o.source, style: o.style }), true);
      if (o.json) return json({ ok: true, ...r });
      out(r.text || 'no works cited\n');
    });

  common(program.command('quote'))
    .description('where a passage occurs in the corpus, and how each copy was altered')
    .argument('[text]', 'the passage to look for')
    .option('--from <source>', 'or: the passages of this source …')
    .option('--range <a:b>', '… in this range of clean-text offsets')
    .option('--min-words <n>', 'shortest match reported (default: 15, or half the passage)', int)
    .action(async (text: string | undefined, o: Common & { from?: string; range?: string; minWords?: number }) => {
      const r = await withStore(o, (s) => ops.quote(s, { text, from: o.from, range: o.range, minWords: o.minWords }), true);
      if (o.json) return json({ ok: true, ...r });
      if (r.mode === 'range') {
        if (!r.families.length) return out(`no reused passage in ${r.source} ${r.range.start}:${r.range.end}\n`);
        for (const f of r.families) {
          out(`${f.key}  ${f.kind}, ${f.words} words, ${f.occurrences.length} occurrences\n`);
          for (const x of f.occurrences) out(`  ${x.base ? '*' : ' '} ${x.sourceId} ${x.start}-${x.end}  ${x.severity}  ${x.summary}\n`);
        }
        return;
      }
      if (!r.hits.length) return out('not found in the corpus\n');
      for (const h of r.hits) {
        out(`${h.sourceId} ${h.start}-${h.end} (raw ${h.rawStart}-${h.rawEnd}), ${h.words} words, ${h.severity}: ${h.summary}\n`);
        for (const d of h.divergences) out(`    ${d.class.padEnd(16)} ${d.severity === 'meaning' ? `MEANING (${d.why})` : 'cosmetic'}  "${d.base.text}" → "${d.copy.text}"\n`);
      }
    });

  common(program.command('entities'))
    .description('list entities (persons, organizations, places, trials) with their mention counts')
    .addOption(new Option('--type <type>', 'only this type').choices(['person', 'organization', 'place', 'trial']))
    .option('--q <text>', 'names or aliases containing this text')
    .option('--limit <n>', 'how many', int)
    .option('--offset <n>', 'skip this many', int)
    .addOption(new Option('--sort <by>', 'order').choices(['mentions', 'name']).default('mentions'))
    .action(async (o: Common & { type?: string; q?: string; limit?: number; offset?: number; sort: string }) => {
      const r = await withStore(o, (s) => ops.entities(s, { type: o.type, q: o.q, limit: o.limit, offset: o.offset, sort: o.sort }), true);
      if (o.json) return json({ ok: true, ...r });
      if (!r.items.length) return out('no entities: ingest sources first (inquiry ingest <files>)\n');
      for (const e of r.items) out(`${String(e.mentions).padStart(5)}  ${e.type.padEnd(12)}  ${e.key.padEnd(32)}  ${e.name}${e.ambiguous ? ' (ambiguous)' : ''}  [${e.aliases.map((a) => `${a.name} ${a.count}`).join('; ')}]\n`);
      out(`${r.offset + r.items.length} of ${r.total}\n`);
    });

  const entity = program.command('entity').description('one entity: show it, or curate it (merge, split, rename, alias, reject, retype, undo, log)');
  common(entity.command('show'))
    .description('an entity: aliases per source, evidence for its merges, mentions in context')
    .argument('<key>', 'entity key (see inquiry entities)')
    .option('--limit <n>', 'mentions to list', int)
    .action(async (key: string, o: Common & { limit?: number }) => {
      const e = await withStore(o, (s) => ops.entity(s, key, { limit: o.limit ?? 20 }), true);
      if (o.json) return json({ ok: true, entity: e });
      out(`${e.name}  (${e.type}, ${e.key})${e.ambiguous ? '  AMBIGUOUS' : ''}${e.curated ? '  curated' : ''}\n${e.mentions} mentions in ${e.sources} sources\n\naliases:\n`);
      for (const a of e.aliases) out(`  ${a.name}\t${a.count}\t${Object.entries(a.bySource).map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
      if (e.evidence.length) {
        out('\nwhy these were merged:\n');
        for (const ev of e.evidence) out(`  [${ev.rule}] ${ev.detail}: ${ev.aliases.join(', ')}\n`);
      }
      out('\nby perspective:\n');
      for (const p of e.byPerspective) out(`  ${p.perspective}\t${p.count} mentions in ${p.sources} source(s)\n`);
      if (e.cooccurring.length) out(`\nmentioned with: ${e.cooccurring.slice(0, 12).map((c) => `${c.name} (${c.count})`).join(', ')}\n`);
      out(`\nmentions (${e.mentionList.length} of ${e.mentionsTotal}):\n`);
      for (const m of e.mentionList) {
        const c = m.context;
        out(`  ${m.key}  ${m.sourceId} ${m.start}:${m.end}  …${c.text.slice(0, c.start)}[${c.text.slice(c.start, c.end)}]${c.text.slice(c.end)}…\n`);
      }
    });
  const curateCmd = (name: string, description: string, args: string[], build: (a: string[], o: Record<string, unknown>) => Record<string, unknown>, extra?: (c: Command) => Command) => {
    let c = common(entity.command(name)).description(description);
    for (const a of args) c = c.argument(a);
    if (extra) c = extra(c);
    c.action(async (...all: unknown[]) => {
      const o = all[args.length] as Common & Record<string, unknown>;
      const r = await withStore(o, (s) => ops.curate(s, build(all.slice(0, args.length).map((x) => x as string | string[]).flat() as string[], o)));
      if (o.json) return json({ ok: true, ...r });
      out(`#${r.entry.seq} ${r.entry.action}: ${r.entry.status}${r.entry.message ? ` (${r.entry.message})` : ''}${r.entity ? `  → ${r.entity.key}` : ''}\n`);
    });
  };
  curateCmd('merge', 'merge entities into the first', ['<into>', '<others...>'], (a) => ({ action: 'merge', keys: a }));
  curateCmd('split', 'move some mentions of an entity to a new entity', ['<key>'], (a, o) => ({ action: 'split', key: a[0], mentions: o.mentions, name: o.name }), (c) =>
    c.requiredOption('--mentions <keys>', 'mention keys (comma-separated; see entity show)', list).option('--name <name>', 'name of the new entity'),
  );
  curateCmd('rename', 'give an entity another canonical name', ['<key>', '<name>'], (a) => ({ action: 'rename', key: a[0], name: a[1] }));
  curateCmd('alias', 'add a spelling: mentions written so join this entity, and search finds it', ['<key>', '<alias>'], (a) => ({ action: 'alias', key: a[0], alias: a[1] }));
  curateCmd('reject', 'not an entity (or, with --mention, not a mention of it)', ['[key]'], (a, o) => (o.mention ? { action: 'reject', mention: o.mention } : { action: 'reject', key: a[0] }), (c) => c.option('--mention <key>', 'reject one mention'));
  curateCmd('retype', 'change an entity\'s type', ['<key>', '<type>'], (a) => ({ action: 'retype', key: a[0], type: a[1] }));
  curateCmd('undo', 'undo a curation entry (itself recorded: the log only grows)', ['<seq>'], (a) => ({ action: 'undo', seq: Number(a[0]) }));
  common(entity.command('log'))
    .description('the curation log with each entry\'s status after replay')
    .action(async (o: Common) => {
      const r = await withStore(o, (s) => ops.curationLog(s));
      if (o.json) return json({ ok: true, entries: r });
      if (!r.length) return out('no curation yet\n');
      for (const e of r) out(`#${e.seq}\t${e.at}\t${e.action}\t${JSON.stringify(e.args)}\t${e.status}${e.message ? ` (${e.message})` : ''}\n`);
    });
  common(entity.command('export-log'))
    .description('write the curation log as a file another project can import')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (o: Common & { out?: string }) => {
      const r = await withStore(o, (s) => ops.exportCuration(s), true);
      const text = JSON.stringify(r, null, 2) + '\n';
      if (o.out) {
        const { writeFileSync } = await import('node:fs');
        writeFileSync(o.out, text);
        err(`wrote ${o.out} (${r.entries.length} entries)\n`);
      } else out(text);
    });
  common(entity.command('import-log'))
    .description('append the entries of a curation file to this project\'s log and replay it')
    .argument('<file>', 'a file written by export-log')
    .action(async (file: string, o: Common) => {
      const { readFileSync } = await import('node:fs');
      const { resolve } = await import('node:path');
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(resolve(io.cwd, file), 'utf8'));
      } catch (e) {
        throw new InquiryError(`${file}: ${(e as Error).message}`, { code: 'bad_input' });
      }
      const r = await withStore(o, (s) => ops.importCuration(s, data, file));
      if (o.json) return json({ ok: r.problems.length === 0, ...r });
      out(`imported ${r.added} entries (${r.applied} applied, ${r.stale} stale)\n`);
      for (const p of r.problems) err(`${file}: ${p}\n`);
      if (r.problems.length) exitCode = 1;
    });

  common(program.command('sources'))
    .description('list the sources')
    .action(async (o: Common) => {
      const rows = await withStore(o, (s) => ops.sources(s), true);
      if (o.json) return json({ ok: true, sources: rows });
      if (!rows.length) return out('no sources yet: inquiry ingest <files>\n');
      for (const r of rows) {
        out(`${r.id}\t${r.date ?? '-'}\t${r.perspective.join(',') || '-'}\t${r.kind ?? '-'}\t${r.passages} passages\t${r.title ?? r.fileName}\n`);
      }
    });

  common(program.command('show'))
    .description('print a source (clean text, or raw with --raw), or a range of it')
    .argument('<source>', 'source id')
    .option('--range <a:b>', 'clean offsets (UTF-16 code units), e.g. 100:500')
    .option('--raw', 'the decoded raw text instead of the clean text')
    .option('--passages', 'list passages with their offsets instead of the text')
    .action(async (id: string, o: Common & { range?: string; raw?: boolean; passages?: boolean }) => {
      const r = await withStore(o, (s) => ops.show(s, { id, range: o.range, raw: o.raw }), true);
      if (o.json) return json({ ok: true, ...r });
      if (o.passages) {
        for (const p of r.passages) out(`${p.key}\t${p.start}:${p.end}\traw ${p.rawStart}:${p.rawEnd}\t${p.role}\tocr ${p.ocrScore}${p.dupOf ? `\trepeats ${p.dupOf}` : ''}\n`);
        return;
      }
      out(r.text.endsWith('\n') ? r.text : r.text + '\n');
    });

  common(program.command('search'))
    .description('full-text search (FTS5 syntax: words, "phrases", prefix*, AND OR NOT, NEAR(a b, 5))')
    .argument('<query...>', 'the query')
    .option('--source <ids>', 'only these sources (comma-separated or repeated)', list)
    .option('--perspective <tags>', 'only sources with one of these perspectives', list)
    .option('--from <date>', 'sources dated on or after (YYYY, YYYY-MM, YYYY-MM-DD)')
    .option('--to <date>', 'sources dated on or before')
    .option('--limit <n>', 'hits to show', int)
    .option('--offset <n>', 'hits to skip', int)
    .option('--include-duplicates', 'also list passages of duplicated sections')
    .addOption(new Option('--spelling <mode>', 'all: a name also finds its other spellings and scripts; exact: only as typed').choices(['all', 'exact']).default('all'))
    .action(async (words: string[], o: Common & { source?: string[]; perspective?: string[]; from?: string; to?: string; limit?: number; offset?: number; includeDuplicates?: boolean; spelling: 'all' | 'exact' }) => {
      const r = await withStore(o, (s) => ops.search(s, { q: words.join(' '), source: o.source, perspective: o.perspective, from: o.from, to: o.to, limit: o.limit, offset: o.offset, includeDuplicates: o.includeDuplicates, spelling: o.spelling }), true);
      if (o.json) return json({ ok: true, ...r });
      for (const x of r.expanded) if (x.variants.length) out(`${x.term}: also searched as ${x.variants.join(', ')} (${x.name}, ${x.entity})\n`);
      out(`${r.totalIsEstimate ? 'about ' : ''}${r.total} hit${r.total === 1 ? '' : 's'} for ${r.ftsQuery}${r.rewritten ? ' (rewritten: the query was not valid FTS5 syntax)' : ''}\n`);
      const tty = !!io.stdout.isTTY;
      r.hits.forEach((h, i) => {
        let snip = h.snippet.text;
        for (const [a, b] of [...h.snippet.highlights].reverse()) {
          snip = snip.slice(0, a) + (tty ? '\x1b[1;33m' : '[') + snip.slice(a, b) + (tty ? '\x1b[0m' : ']') + snip.slice(b);
        }
        out(`\n${i + 1 + r.offset}. ${h.sourceId} ${h.start}:${h.end} (${h.perspective.join(',') || 'no perspective'}${h.date ? `, ${h.date}` : ''})${h.ocrScore < 0.6 ? ' [low OCR quality]' : ''}${h.duplicates ? ` [repeated ${h.duplicates}x in source]` : ''}\n   ${h.snippet.prefix ? '…' : ''}${snip.replace(/\n/g, ' ')}${h.snippet.suffix ? '…' : ''}\n`);
      });
    });

  common(program.command('export'))
    .description('export sources, passages, sentences, entities, mentions, reuse, works, citations, dates, events, claims, conflicts (json, jsonl, csv; reuse also passim; works and citations also csl-json, bibtex, ris; conflicts also argdown), the entity network or the citation graph (graphml, gexf)')
    .argument('<kind>', 'sources | passages | sentences | entities | mentions | network | reuse | works | citations | citation-graph | evidence | dates | events | claims | conflicts')
    .addOption(new Option('--format <format>', 'output format (default jsonl; graphml for network and citation-graph)').choices(['json', 'jsonl', 'csv', 'graphml', 'gexf', 'passim', 'csl-json', 'bibtex', 'ris', 'argdown']))
    .option('--key <key>', 'conflicts: only this disputed point (argdown)')
    .addOption(new Option('--type <type>', 'entities, mentions, network: only this entity type').choices(['person', 'organization', 'place', 'trial']))
    .option('--min-weight <n>', 'network: only edges of at least this many shared passages', int)
    .option('--include-text', 'sources: include the clean and raw text')
    .option('--source <ids>', 'only these sources', list)
    .option('--no-duplicates', 'passages: leave out passages of duplicated sections')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (kind: string, o: Common & { format?: string; type?: string; minWeight?: number; includeText?: boolean; source?: string[]; duplicates: boolean; out?: string; key?: string }) => {
      await withStore(
        o,
        async (s) => {
          const format = o.format ?? (kind === 'network' || kind === 'citation-graph' ? 'graphml' : 'jsonl');
          const { chunks } = ops.export(s, { kind, format, type: o.type, minWeight: o.minWeight, includeText: o.includeText, source: o.source, includeDuplicates: o.duplicates, key: o.key });
          if (o.out) {
            const ws = createWriteStream(o.out);
            for await (const c of chunks) if (!ws.write(c)) await new Promise<void>((r) => ws.once('drain', () => r()));
            await new Promise<void>((res, rej) => ws.end((e?: Error | null) => (e ? rej(e) : res())));
            err(`wrote ${o.out}\n`);
          } else for await (const c of chunks) out(c);
        },
        true,
      );
    });

  common(program.command('cite'))
    .description('parse one free-text reference into CSL-JSON (authors, title, container, publisher, place, date, locator)')
    .argument('<reference...>', 'the reference, e.g. "Medvedev, Roy. Let History Judge. New York: Columbia University Press, 1989, p. 258"')
    .action((words: string[], o: Common) => {
      const r = ops.cite(words.join(' '));
      if (o.json) return json({ ok: true, ...r });
      json({ shape: r.shape, csl: r.csl, locator: r.locator, remarks: r.remarks, ibid: r.ibid, opCit: r.opCit });
    });

  common(program.command('citations'))
    .description('the references found in a source (reference lines and parenthetical author-date references), parsed, with spans')
    .argument('<source>', 'source id')
    .action(async (id: string, o: Common) => {
      const r = await withStore(o, (s) => ops.citations(s, id), true);
      if (o.json) return json({ ok: true, ...r });
      for (const c of r.citations) {
        const a = (c.csl?.author ?? []).map((n) => n.family ?? n.literal ?? '').join(', ');
        const y = c.csl?.issued?.['date-parts']?.[0]?.[0] ?? '';
        out(`${c.start}:${c.end}\t${c.shape}\t${a}${y ? ` (${y})` : ''}\t${c.csl?.title ?? (c.ibid ? 'Ibid.' : '')}${c.locator ? `\tp. ${c.locator}` : ''}\n`);
      }
      out(`${r.citations.length} citations\n`);
    });

  common(program.command('status'))
    .description('counts and schema version of the database')
    .action(async (o: Common) => {
      const r = await withStore(o, (s) => ops.status(s), true);
      if (o.json) return json({ ok: true, ...r });
      for (const [k, v] of Object.entries(r)) out(`${k}\t${v}\n`);
    });

  program
    .command('settings')
    .description('the settings, their defaults and environment variables')
    .option('--json', 'machine-readable JSON')
    .action((o: { json?: boolean }) => {
      const r = ops.settings();
      if (o.json) return json({ ok: true, settings: r });
      for (const s of r) out(`${s.name}\t${s.value}\t${s.env || '-'}\t${s.description}\n`);
    });

  common(program.command('serve'))
    .description('serve the web app and the JSON API (curation through the API unless --read-only)')
    .option('--host <host>', `address to bind (default ${getSetting('serve.host')})`)
    .option('--port <port>', `port (default ${getSetting('serve.port')}; 0 picks a free one)`, int)
    .option('--read-only', 'refuse every write (curation) over HTTP')
    .action(async (o: Common & { host?: string; port?: number; readOnly?: boolean }) => {
      const { startServer } = await import('../server/app.js');
      const dbPath = resolveDbPath({ db: o.db, cwd: io.cwd });
      if (!o.readOnly && dbPath !== ':memory:') {
        const { existsSync } = await import('node:fs');
        if (!existsSync(dbPath)) throw new InquiryError(`no database at ${dbPath}: run "inquiry ingest <files>" first, or pass --db`, { status: 404, code: 'no_db' });
      }
      const store = openStore({ db: o.db, cwd: io.cwd, readonly: !!o.readOnly });
      const host = o.host ?? (getSetting('serve.host') as string);
      const port = o.port ?? (getSetting('serve.port') as number);
      let srv;
      try {
        srv = await startServer(store, { host, port, readOnly: !!o.readOnly });
      } catch (e) {
        await store.close();
        const code = (e as { code?: string }).code;
        if (code === 'EADDRINUSE') throw new CliError(`port ${port} on ${host} is in use: pick another with --port`, 1);
        throw e;
      }
      const close = async () => {
        await srv.close();
        await store.close();
      };
      if (o.json) json({ ok: true, url: srv.url, db: dbPath });
      else out(`Inquiry is serving ${dbPath}\n  ${srv.url}\n(${o.readOnly ? 'read-only' : 'curation is saved to the database'}; Ctrl-C stops it)\n`);
      if (io.onServe) await io.onServe({ url: srv.url, close });
      else {
        await new Promise<void>((resolveStop) => {
          const stop = () => resolveStop();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await close();
      }
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
    }
    const wantsJson = argv.includes('--json');
    const status = e instanceof InquiryError ? e.status : 500;
    const code = e instanceof CliError ? e.exitCode : 1;
    if (wantsJson) json({ ok: false, error: errorMessage(e), errors: e instanceof InquiryError ? e.details : [], status });
    else err(`inquiry: ${errorMessage(e)}\n`);
    if (!(e instanceof InquiryError) && !(e instanceof CliError) && io.env.INQUIRY_DEBUG) err(`${(e as Error).stack}\n`);
    return code;
  }
}

export { formatProblem, SETTINGS };
