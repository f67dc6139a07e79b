/** What the benchmarks share: command-line options, the data folder, the generated corpus. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { corpusSidecars, writeCorpus } from './generate.js';

export const ROOT = resolve(new URL('..', import.meta.url).pathname);
export const DATA = join(ROOT, 'bench/.data');

/** `--name value` from the command line, or the default */
export function opt(name: string, def: string, args = process.argv.slice(2)): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : def;
}

export function log(s: string): void {
  process.stderr.write(s + '\n');
}

/** the corpus folder for a size (bench/.data/corpus for 100 MB) */
export function corpusDir(mb: number): string {
  return join(DATA, mb === 100 ? 'corpus' : `corpus-${mb}mb`);
}

/** the generated corpus of this size, generated (deterministically, seed 1) if missing */
export function ensureCorpus(dir: string, mb: number): { mb: number; seed: number | string } {
  const { metaPath } = corpusSidecars(dir);
  if (existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { mb: number; seed: number | string };
    if (meta.mb === mb) return meta;
  }
  log(`generating a ${mb} MB corpus into ${dir} …`);
  return writeCorpus(dir, { mb, seed: 1 }).meta;
}
