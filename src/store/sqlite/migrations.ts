/**
 * Versioned, append-only migrations. Each has a timestamped id; applied ids are
 * recorded in `migrations`. Never edit one that has shipped: add another.
 */
export interface Migration {
  id: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    id: '20261122T0300-foundation',
    sql: `
CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  origin TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  title TEXT,
  authors TEXT NOT NULL DEFAULT '[]',
  date TEXT,
  date_lo TEXT,
  date_hi TEXT,
  date_modified TEXT,
  url TEXT,
  language TEXT,
  perspective TEXT NOT NULL DEFAULT '[]',
  kind TEXT,
  licence TEXT,
  container TEXT,
  series TEXT,
  notes TEXT,
  meta_origin TEXT NOT NULL DEFAULT '{}',
  current_version INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE source_perspectives (
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  perspective TEXT NOT NULL,
  PRIMARY KEY (perspective, source_id)
) WITHOUT ROWID;
CREATE TABLE versions (
  id INTEGER PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL,
  encoding TEXT NOT NULL,
  format TEXT NOT NULL,
  raw_text TEXT,
  clean_text TEXT,
  offset_map BLOB,
  removed TEXT NOT NULL DEFAULT '[]',
  duplicates TEXT NOT NULL DEFAULT '[]',
  warnings TEXT NOT NULL DEFAULT '[]',
  chars INTEGER NOT NULL DEFAULT 0,
  raw_chars INTEGER NOT NULL DEFAULT 0,
  passage_count INTEGER NOT NULL DEFAULT 0,
  sentence_count INTEGER NOT NULL DEFAULT 0,
  dup_passages INTEGER NOT NULL DEFAULT 0,
  passage_lo INTEGER,
  passage_hi INTEGER,
  is_current INTEGER NOT NULL DEFAULT 1,
  ingested_at TEXT NOT NULL,
  retired_at TEXT,
  UNIQUE (source_id, content_hash)
);
CREATE TABLE passages (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  raw_start INTEGER NOT NULL,
  raw_end INTEGER NOT NULL,
  role TEXT NOT NULL,
  ocr REAL NOT NULL,
  dup_of TEXT,
  text TEXT NOT NULL,
  sentences TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX passages_version_seq ON passages(version_id, seq);
CREATE INDEX passages_key ON passages(key);
CREATE INDEX passages_dup ON passages(version_id, dup_of) WHERE dup_of IS NOT NULL;
CREATE VIRTUAL TABLE passages_fts USING fts5(
  text,
  content='passages',
  content_rowid='id',
  tokenize="unicode61 remove_diacritics 2"
);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`,
  },
  {
    id: '20261122T0600-entities',
    sql: `
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  source_id TEXT NOT NULL,
  passage_key TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  raw_start INTEGER NOT NULL,
  raw_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  cue TEXT NOT NULL,
  base_entity TEXT NOT NULL,
  entity TEXT
);
CREATE INDEX mentions_entity ON mentions(entity, version_id, start);
CREATE INDEX mentions_version ON mentions(version_id, start);
CREATE INDEX mentions_passage ON mentions(version_id, passage_key);
CREATE TABLE entity_base (
  key TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  ambiguous INTEGER NOT NULL,
  evidence TEXT NOT NULL
);
CREATE TABLE entities (
  key TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  ambiguous INTEGER NOT NULL,
  curated INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  sources INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  aliases TEXT NOT NULL
);
CREATE INDEX entities_type ON entities(type, mentions DESC);
CREATE TABLE entity_alias_keys (
  name_key TEXT NOT NULL,
  entity TEXT NOT NULL,
  surface TEXT NOT NULL,
  PRIMARY KEY (name_key, entity, surface)
) WITHOUT ROWID;
CREATE TABLE curation (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  args TEXT NOT NULL
);
`,
  },
  {
    id: '20261122T0900-reuse',
    sql: `
CREATE TABLE reuse_families (
  key TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  words INTEGER NOT NULL,
  occurrences INTEGER NOT NULL,
  sources INTEGER NOT NULL,
  severity TEXT NOT NULL,
  base TEXT NOT NULL,
  preview TEXT NOT NULL,
  first_date TEXT
);
CREATE INDEX reuse_families_words ON reuse_families(words DESC);
CREATE TABLE reuse_occurrences (
  key TEXT PRIMARY KEY,
  family TEXT NOT NULL REFERENCES reuse_families(key) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  source_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  raw_start INTEGER NOT NULL,
  raw_end INTEGER NOT NULL,
  words INTEGER NOT NULL,
  base INTEGER NOT NULL,
  repeat INTEGER NOT NULL,
  severity TEXT NOT NULL,
  summary TEXT NOT NULL,
  text TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX reuse_occurrences_family ON reuse_occurrences(family, seq);
CREATE INDEX reuse_occurrences_source ON reuse_occurrences(source_id, start);
`,
  },
  {
    id: '20261122T1000-works',
    sql: `
CREATE TABLE works (
  key TEXT PRIMARY KEY,
  csl TEXT NOT NULL,
  title TEXT NOT NULL,
  editions TEXT NOT NULL,
  evidence TEXT NOT NULL,
  citations INTEGER NOT NULL,
  sources INTEGER NOT NULL,
  cited_by TEXT NOT NULL
);
CREATE INDEX works_citations ON works(citations DESC);
CREATE TABLE citations (
  key TEXT PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  source_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  raw_start INTEGER NOT NULL,
  raw_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  data TEXT NOT NULL,
  work TEXT,
  edition TEXT,
  refers_to TEXT
);
CREATE INDEX citations_source ON citations(source_id, start);
CREATE INDEX citations_work ON citations(work);
CREATE TABLE claims (
  key TEXT PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  source_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  raw_start INTEGER NOT NULL,
  raw_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  evidence TEXT NOT NULL,
  evidence_count INTEGER NOT NULL,
  works_count INTEGER NOT NULL
);
CREATE INDEX claims_source ON claims(source_id, start);
`,
  },
  {
    id: '20261122T1100-time',
    sql: `
CREATE TABLE date_mentions (
  key TEXT PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  source_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  raw_start INTEGER NOT NULL,
  raw_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  edtf TEXT,
  form TEXT NOT NULL,
  lo TEXT,
  hi TEXT
);
CREATE INDEX date_mentions_source ON date_mentions(source_id, start);
CREATE INDEX date_mentions_lo ON date_mentions(lo);
CREATE TABLE events (
  key TEXT PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  source_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  raw_start INTEGER NOT NULL,
  raw_end INTEGER NOT NULL,
  trigger TEXT NOT NULL,
  lo TEXT NOT NULL,
  hi TEXT NOT NULL,
  grp TEXT,
  conflict INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX events_source ON events(source_id, start);
CREATE INDEX events_lo ON events(lo);
CREATE INDEX events_group ON events(grp);
CREATE TABLE statements (
  key TEXT PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  source_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  predicate TEXT NOT NULL,
  subject TEXT NOT NULL,
  agree INTEGER NOT NULL,
  partial INTEGER NOT NULL,
  conflict INTEGER NOT NULL,
  search TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX statements_source ON statements(source_id, start);
CREATE INDEX statements_subject ON statements(predicate, subject);
CREATE TABLE comparisons (
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  relation TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (a, b)
);
CREATE INDEX comparisons_b ON comparisons(b);
CREATE TABLE disputes (
  key TEXT PRIMARY KEY,
  predicate TEXT NOT NULL,
  topic TEXT NOT NULL,
  source_count INTEGER NOT NULL,
  sources TEXT NOT NULL,
  data TEXT NOT NULL
);
`,
  },
];
