/**
 * One settings table drives the CLI flags' defaults, /-/settings.json and the docs.
 * A value can be overridden by an environment variable (INQUIRY_ + upper snake case).
 */
export interface SettingDef {
  name: string;
  default: string | number | boolean;
  description: string;
  env: string;
}

export const SETTINGS: SettingDef[] = [
  { name: 'db', default: '.inquiry/inquiry.sqlite', description: 'the project SQLite file every command uses unless --db is given', env: 'INQUIRY_DB' },
  { name: 'serve.host', default: '127.0.0.1', description: 'address the server binds (loopback by default)', env: 'INQUIRY_HOST' },
  { name: 'serve.port', default: 8765, description: 'port the server listens on (0 picks a free one)', env: 'INQUIRY_PORT' },
  { name: 'search.limit', default: 20, description: 'hits per page of search results', env: 'INQUIRY_SEARCH_LIMIT' },
  {
    name: 'search.candidates',
    default: 1000,
    description: 'how many matching passages at most are ranked for one query (bounded ranking: common terms are sampled across the corpus)',
    env: 'INQUIRY_SEARCH_CANDIDATES',
  },
  { name: 'passage.max', default: 2000, description: 'longest passage, in UTF-16 code units; longer paragraphs are cut at sentence boundaries', env: '' },
];

export function getSetting(name: string): string | number | boolean {
  const def = SETTINGS.find((s) => s.name === name);
  if (!def) throw new Error(`unknown setting ${name}`);
  const env = def.env ? process.env[def.env] : undefined;
  if (env !== undefined && env !== '') {
    if (typeof def.default === 'number') {
      const n = Number(env);
      if (Number.isFinite(n)) return n;
    } else if (typeof def.default === 'boolean') return env === '1' || env === 'true';
    else return env;
  }
  return def.default;
}

export function settingsReport(): Array<SettingDef & { value: string | number | boolean }> {
  return SETTINGS.map((s) => ({ ...s, value: getSetting(s.name) }));
}
