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
import { ingestReporter } from './progress.js';

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
    .action(async (paths: string[], o: Common & { progress: boolean }) => {
      const rep = ingestReporter({ stderr: io.stderr, stdout: io.stdout, json: !!o.json, progress: o.progress && !!io.stderr.isTTY && !io.env.CI });
      const summary = await withStore(o, (s) => ops.ingest(s, paths, { cwd: io.cwd, onEvent: rep.onEvent }));
      rep.finish(summary);
      if (o.json) json({ ok: summary.errors.length === 0, db: resolveDbPath({ db: o.db, cwd: io.cwd }), ...summary });
      if (summary.errors.length) exitCode = 1;
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
    .action(async (words: string[], o: Common & { source?: string[]; perspective?: string[]; from?: string; to?: string; limit?: number; offset?: number; includeDuplicates?: boolean }) => {
      const r = await withStore(o, (s) => ops.search(s, { q: words.join(' '), source: o.source, perspective: o.perspective, from: o.from, to: o.to, limit: o.limit, offset: o.offset, includeDuplicates: o.includeDuplicates }), true);
      if (o.json) return json({ ok: true, ...r });
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
    .description('export sources, passages or sentences as json, jsonl or csv (to stdout or --out)')
    .argument('<kind>', 'sources | passages | sentences')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'jsonl', 'csv']).default('jsonl'))
    .option('--include-text', 'sources: include the clean and raw text')
    .option('--source <ids>', 'only these sources', list)
    .option('--no-duplicates', 'passages: leave out passages of duplicated sections')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (kind: string, o: Common & { format: string; includeText?: boolean; source?: string[]; duplicates: boolean; out?: string }) => {
      await withStore(
        o,
        async (s) => {
          const { chunks } = ops.export(s, { kind, format: o.format, includeText: o.includeText, source: o.source, includeDuplicates: o.duplicates });
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
    .description('serve the web app and the JSON API (read-only)')
    .option('--host <host>', `address to bind (default ${getSetting('serve.host')})`)
    .option('--port <port>', `port (default ${getSetting('serve.port')}; 0 picks a free one)`, int)
    .action(async (o: Common & { host?: string; port?: number }) => {
      const { startServer } = await import('../server/app.js');
      const dbPath = resolveDbPath({ db: o.db, cwd: io.cwd });
      const store = openStore({ db: o.db, cwd: io.cwd, readonly: true });
      const host = o.host ?? (getSetting('serve.host') as string);
      const port = o.port ?? (getSetting('serve.port') as number);
      let srv;
      try {
        srv = await startServer(store, { host, port });
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
      else out(`Inquiry is serving ${dbPath}\n  ${srv.url}\n(read-only; Ctrl-C stops it)\n`);
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
