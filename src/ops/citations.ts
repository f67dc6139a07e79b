/** Citations (issue 5, first part): parse one reference; find the references in a source. */
import { NotFoundError, InquiryError } from '../core/errors.js';
import { OffsetMap } from '../core/offsets.js';
import { findCitations } from '../analyze/citations/detect.js';
import { parseReference, type ParsedReference } from '../analyze/citations/parse.js';
import type { Store } from '../store/store.js';

export function cite(text: string): ParsedReference {
  if (!text.trim()) throw new InquiryError('give a reference to parse', { code: 'bad_param' });
  return parseReference(text);
}

export async function sourceCitations(store: Store, sourceId: string) {
  const s = await store.getSource(sourceId);
  if (!s) throw new NotFoundError(`no source "${sourceId}"`);
  const v = await store.getVersionTexts(s.versionId);
  if (!v) throw new NotFoundError(`no text for source "${sourceId}"`);
  const map = OffsetMap.fromBuffer(v.offsetMap);
  return {
    sourceId,
    versionId: s.versionId,
    citations: findCitations(v.cleanText).map((c) => ({
      start: c.start,
      end: c.end,
      rawStart: map.toRawStart(c.start),
      rawEnd: map.toRawEnd(c.end),
      text: c.text,
      kind: c.kind,
      shape: c.parsed.shape,
      csl: c.parsed.csl,
      locator: c.parsed.locator,
      remarks: c.parsed.remarks,
      ibid: c.parsed.ibid,
      opCit: c.parsed.opCit,
    })),
  };
}
