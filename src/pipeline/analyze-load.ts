/** Load the current version of every source as analysis input. */
import type { DocInput } from '../analyze/entities/index.js';
import type { SourceRow, Store } from '../store/store.js';

export interface LoadedDoc extends DocInput {
  source: SourceRow;
}

export async function loadDocs(store: Store): Promise<LoadedDoc[]> {
  const sources = await store.listSources();
  const out: LoadedDoc[] = [];
  for (const s of sources) {
    const v = await store.getVersionTexts(s.versionId);
    if (!v) continue;
    const passages = (await store.getPassages(s.versionId))
      .filter((p) => p.dupOf === null)
      .map((p) => ({ key: p.key, start: p.start, end: p.end, role: p.role }));
    out.push({ sourceId: s.id, versionId: s.versionId, text: v.cleanText, lang: s.language ?? null, passages, source: s });
  }
  return out;
}
