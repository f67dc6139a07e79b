/**
 * `/works/:key`: one cited work. Its record and editions, why its references were taken for one
 * work, who cites it (per source and per perspective, alphabetically: no side is ranked above
 * another), every place it is cited with the paragraph the citation closes, and the evidence
 * passages that rest on it, under the headings they support (their pages are under `/evidence`).
 */
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Csl, Source, Work, WorkCitation, WorkEdition, WorkPassage, WorkResponse } from '../api';
import { evidencePath, qs, sourcePath, spanHref, workUrl } from '../api';
import type { Loc } from '../router';
import { ErrorBox, fmtInt, Loading, safeHttpUrl, Tags, useApi, useTitle, plural } from '../ui';
import { authorsShort, cslDate, editionKeyYear, fullName, shorten, useSources, workRuleText } from './works';

/** citations rendered at first, and added by each "show more" */
const CITES = 30;
/** citations named under one piece of evidence before "and N more" */
const EVIDENCE_CHIPS = 8;
const FLASH_MS = 2200;

const KIND_LABEL: Record<string, string> = {
  'reference-line': 'reference',
  parenthetical: 'parenthetical',
  narrative: 'in the sentence',
  prose: 'in prose',
  marker: 'note marker',
};

const KIND_TITLE: Record<string, string> = {
  'reference-line': 'A reference on a line of its own (a note or bibliography entry)',
  parenthetical: 'A reference in parentheses',
  narrative: 'A reference worked into the sentence',
  prose: 'A work named in the running text',
  marker: 'A note marker pointing to a reference',
};

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function flash(el: HTMLElement): void {
  el.classList.remove('flash');
  void el.offsetWidth; // restart the animation
  el.classList.add('flash');
  window.setTimeout(() => el.classList.remove('flash'), FLASH_MS);
}

function sourceTitle(sources: Map<string, Source>, id: string): string {
  return sources.get(id)?.title || id;
}

export function WorkPage({ workKey, loc }: { workKey: string; loc: Loc }): VNode {
  const res = useApi<WorkResponse>(workUrl(workKey));
  const sources = useSources();
  const data = res.data;
  const w = data?.work ?? null;
  useTitle(w ? shorten(w.title || w.key, 60) : 'Work');

  if (res.error) {
    return (
      <div class="page work-page">
        {res.error.status === 404 ? (
          <div class="msg msg-error" role="alert">
            <strong class="msg-title">No such work</strong>
            <p>
              <code>{workKey}</code> is not in the record (any more): works are merged again whenever sources are analysed. See the{' '}
              <a href="/works">list of cited works</a>.
            </p>
          </div>
        ) : (
          <ErrorBox error={res.error} />
        )}
      </div>
    );
  }
  if (!data || !w) {
    return (
      <div class="page work-page">
        <Loading />
      </div>
    );
  }
  return (
    <div class={`page work-page${res.loading ? ' stale' : ''}`} aria-busy={res.loading} data-testid="work-page" data-key={w.key}>
      <WorkHead w={w} />
      <WorkBody data={data} sources={sources.byId} loc={loc} />
    </div>
  );
}

function WorkHead({ w }: { w: Work }): VNode {
  const authors = authorsShort(w.csl, 6);
  const year = cslDate(w.csl);
  return (
    <header class="work-head">
      <p class="crumbs">
        <a href="/works">Works</a> <span aria-hidden="true">/</span> <span class="mono">{w.key}</span>
      </p>
      <h1 class="page-title work-title" data-testid="work-title">
        {w.title || w.csl?.title || w.key}
      </h1>
      <p class="meta-line work-meta">
        {authors && <span class="work-authors">{authors}</span>}
        <span>{year ?? 'undated'}</span>
        <span data-testid="work-cited">
          cited {fmtInt(w.citations)} {w.citations === 1 ? 'time' : 'times'} in {plural(w.sources, 'source', 'sources')}
        </span>
        {w.title && <a href={`/search${qs({ q: w.title })}`}>search for its title</a>}
      </p>
    </header>
  );
}

function Section({ title, id, children, testid }: { title: string; id: string; children: ComponentChildren; testid?: string }): VNode {
  return (
    <section class="entity-section work-section" aria-labelledby={id} data-testid={testid}>
      <h2 id={id} class="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

function WorkBody({ data, sources, loc }: { data: WorkResponse; sources: Map<string, Source>; loc: Loc }): VNode {
  const w = data.work;
  const citations = useMemo(
    () =>
      [...(data.citations ?? [])].sort(
        (a, b) => sourceTitle(sources, a.sourceId).localeCompare(sourceTitle(sources, b.sourceId)) || a.sourceId.localeCompare(b.sourceId) || a.start - b.start,
      ),
    [data, sources],
  );
  const byKey = useMemo(() => new Map(citations.map((c) => [c.key, c])), [citations]);
  const [shown, setShown] = useState(CITES);
  /** the navigation whose hash target was last scrolled to (once each, not again on "show more") */
  const scrolled = useRef(-1);

  // a link to a citation (`#c-…`) or an edition (`#ed-…`): show it if it is hidden, then scroll to it and flash it
  useEffect(() => {
    const hash = loc.hash.startsWith('#') ? safeDecode(loc.hash.slice(1)) : '';
    if (!hash || scrolled.current === loc.n) return;
    if (hash.startsWith('c-')) {
      const i = citations.findIndex((c) => c.key === hash.slice(2));
      if (i >= shown) {
        setShown(i + 1);
        return; // the effect runs again once it is rendered
      }
    }
    scrolled.current = loc.n;
    const el = document.getElementById(hash);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      flash(el);
    }
  }, [data, loc.n, shown]);

  return (
    <>
      <Record csl={w.csl} />
      <Editions w={w} />
      <Evidence w={w} byKey={byKey} sources={sources} />
      <CitedBy w={w} sources={sources} />
      <Citations w={w} citations={citations} sources={sources} shown={shown} setShown={setShown} />
      <Passages passages={data.passages ?? []} byKey={byKey} sources={sources} />
    </>
  );
}

// ------------------------------------------------------------------ the record and its editions

function names(list: Csl['author']): string | null {
  const n = (list ?? []).map(fullName).filter((x) => x.trim());
  return n.length ? n.join('; ') : null;
}

function Record({ csl }: { csl: Csl }): VNode {
  const url = safeHttpUrl(csl.URL);
  const doi = csl.DOI?.trim();
  const rows: [string, ComponentChildren][] = [
    ['Authors', names(csl.author)],
    ['Editors', names(csl.editor)],
    ['Translators', names(csl.translator)],
    ['Title', csl.title ? <span class="source-text">{csl.title}</span> : null],
    ['In', csl['container-title'] ? <span class="source-text">{csl['container-title']}</span> : null],
    ['Series', csl['collection-title']],
    ['Volume', csl.volume],
    ['Issue', csl.issue],
    ['Pages', csl.page],
    ['Edition', csl.edition],
    ['Publisher', csl.publisher],
    ['Place', csl['publisher-place']],
    ['Year', cslDate(csl)],
    ['Type', csl.type ? <code class="small">{csl.type}</code> : null],
    [
      'URL',
      csl.URL ? (
        url ? (
          <a href={url} rel="external noopener noreferrer" target="_blank" class="break">
            {csl.URL}
          </a>
        ) : (
          <span class="break">{csl.URL}</span>
        )
      ) : null,
    ],
    [
      'DOI',
      doi ? (
        <a href={`https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`} rel="external noopener noreferrer" target="_blank" class="break mono">
          {doi}
        </a>
      ) : null,
    ],
  ];
  return (
    <Section title="Record" id="h-record" testid="work-record">
      <p class="hint">The fullest record among the references to it, as the sources give it.</p>
      <dl class="meta work-record">
        {rows.map(([k, v]) =>
          v === null || v === undefined || v === '' ? null : (
            <div class="meta-row" key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ),
        )}
      </dl>
    </Section>
  );
}

function editionYear(e: WorkEdition): string {
  return cslDate(e.csl) ?? editionKeyYear(e.key) ?? 'undated';
}

function editionNote(csl: Csl): string {
  return [csl.edition ? `${csl.edition} ed.` : '', csl.publisher ?? '', csl['publisher-place'] ?? '', csl['container-title'] ?? '']
    .map((x) => x.trim())
    .filter(Boolean)
    .join(', ');
}

function Editions({ w }: { w: Work }): VNode {
  const eds = [...(w.editions ?? [])].sort((a, b) => editionYear(a).localeCompare(editionYear(b)) || a.key.localeCompare(b.key));
  return (
    <Section title={eds.length > 1 ? `Editions (${fmtInt(eds.length)})` : 'Editions'} id="h-editions" testid="work-editions">
      {eds.length === 0 ? (
        <p class="muted">No edition is told apart.</p>
      ) : (
        <ul class="editions">
          {eds.map((e) => {
            const n = (e.citations ?? []).length;
            const note = editionNote(e.csl ?? { type: '' });
            const first = e.citations?.[0];
            return (
              <li key={e.key} id={`ed-${e.key}`} data-testid="work-edition" data-key={e.key}>
                <span class="edition-year num">{editionYear(e)}</span>
                {note && <span class="edition-note small">{note}</span>}
                <span class="small muted">
                  {first ? (
                    <a href={`#c-${encodeURIComponent(first)}`} title="Go to its first citation below">
                      {plural(n, 'citation', 'citations')}
                    </a>
                  ) : (
                    plural(n, 'citation', 'citations')
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

// ------------------------------------------------------------------ why one work

function Evidence({ w, byKey, sources }: { w: Work; byKey: Map<string, WorkCitation>; sources: Map<string, Source> }): VNode {
  const ev = w.evidence ?? [];
  return (
    <Section title="Why these references are one work" id="h-evidence" testid="work-evidence">
      {ev.length === 0 ? (
        <p class="muted">Nothing was merged: {w.citations === 1 ? 'it is cited once' : 'every reference to it reads the same'}.</p>
      ) : (
        <ul class="evidence">
          {ev.map((x, i) => {
            const keys = x.citations ?? [];
            return (
              <li key={i} data-rule={x.rule} data-testid="work-evidence-item">
                <span class="evidence-rule">
                  {workRuleText(x.rule)} <code class="small">{x.rule}</code>
                </span>
                {keys.length > 0 && (
                  <span class="evidence-aliases">
                    {keys.slice(0, EVIDENCE_CHIPS).map((k) => {
                      const c = byKey.get(k);
                      const label = c ? `${shorten(sourceTitle(sources, c.sourceId), 28)}${c.parsed?.locator ? `, ${c.parsed.locator}` : ''}` : shorten(k, 24);
                      return (
                        <a key={k} class="chip" href={`#c-${encodeURIComponent(k)}`} title={c ? c.text : k}>
                          <span class="chip-label">{label}</span>
                        </a>
                      );
                    })}
                    {keys.length > EVIDENCE_CHIPS && <span class="muted small">and {fmtInt(keys.length - EVIDENCE_CHIPS)} more</span>}
                  </span>
                )}
                {x.detail && <span class="evidence-detail muted small">{x.detail}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

// ------------------------------------------------------------------ who cites it

function CitedBy({ w, sources }: { w: Work; sources: Map<string, Source> }): VNode {
  const bySource = Object.entries(w.citedBy?.bySource ?? {})
    .map(([id, n]) => ({ id, n, s: sources.get(id) }))
    .sort((a, b) => (a.s?.title || a.id).localeCompare(b.s?.title || b.id) || a.id.localeCompare(b.id));
  // sources per perspective, from the sources' tags (once they are loaded)
  const sourcesPer = new Map<string, number>();
  for (const x of bySource) for (const p of x.s?.perspective ?? []) sourcesPer.set(p, (sourcesPer.get(p) ?? 0) + 1);
  const byPerspective = Object.entries(w.citedBy?.byPerspective ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Section title="Who cites it" id="h-cited-by" testid="work-cited-by">
      <p class="hint">Sources and perspectives are listed alphabetically; the counts are citations, not weight.</p>
      {bySource.length === 0 ? (
        <p class="muted">No source cites it.</p>
      ) : (
        <div class="cited-by">
          <div class="table-wrap">
            <table class="table cited-by-table" data-testid="work-by-source">
              <caption class="sr-only">Citations per source</caption>
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Perspective</th>
                  <th scope="col" class="num">
                    Citations
                  </th>
                </tr>
              </thead>
              <tbody>
                {bySource.map((x) => (
                  <tr key={x.id}>
                    <td class="cell-title">
                      <a href={sourcePath(x.id)}>{x.s?.title || x.id}</a>
                      {x.s?.title && <div class="mono small muted break">{x.id}</div>}
                    </td>
                    <td>
                      <Tags items={x.s?.perspective} />
                    </td>
                    <td class="num">{fmtInt(x.n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {byPerspective.length > 0 && (
            <div class="table-wrap">
              <table class="table cited-by-table" data-testid="work-by-perspective">
                <caption class="sr-only">Citations per perspective</caption>
                <thead>
                  <tr>
                    <th scope="col">Perspective</th>
                    <th scope="col" class="num">
                      Citations
                    </th>
                    <th scope="col" class="num">
                      Sources
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {byPerspective.map(([p, n]) => (
                    <tr key={p}>
                      <td>
                        <span class="tag">{p}</span>
                      </td>
                      <td class="num">{fmtInt(n)}</td>
                      <td class="num">{sources.size > 0 ? fmtInt(sourcesPer.get(p) ?? 0) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </Section>
  );
}

// ------------------------------------------------------------------ every place it is cited

function Citations({
  w,
  citations,
  sources,
  shown,
  setShown,
}: {
  w: Work;
  citations: WorkCitation[];
  sources: Map<string, Source>;
  shown: number;
  setShown: (f: (n: number) => number) => void;
}): VNode {
  const editionYears = useMemo(() => new Map((w.editions ?? []).map((e) => [e.key, editionYear(e)])), [w]);
  const rest = citations.length - Math.min(shown, citations.length);
  return (
    <Section title={citations.length ? `Where it is cited (${fmtInt(citations.length)})` : 'Where it is cited'} id="h-citations">
      {citations.length === 0 ? (
        <p class="muted">No citation of it is stored.</p>
      ) : (
        <>
          <p class="hint">Each citation with the paragraph it closes; the source's title opens the reader at the citation.</p>
          <ol class="citations" data-testid="work-citations">
            {citations.slice(0, shown).map((c) => (
              <CitationItem key={c.key} c={c} title={sourceTitle(sources, c.sourceId)} editionYear={c.edition ? editionYears.get(c.edition) ?? editionKeyYear(c.edition) : null} />
            ))}
          </ol>
          {rest > 0 && (
            <div class="show-more">
              <span class="muted small" aria-live="polite">
                Showing {fmtInt(shown)} of {fmtInt(citations.length)}.
              </span>
              <button type="button" class="btn" data-testid="work-citations-more" onClick={() => setShown((n) => n + CITES)}>
                Show {fmtInt(Math.min(CITES, rest))} more
              </button>
              {rest > CITES && (
                <button type="button" class="btn" onClick={() => setShown(() => citations.length)}>
                  Show all {fmtInt(citations.length)}
                </button>
              )}
            </div>
          )}
        </>
      )}
    </Section>
  );
}

function CitationItem({ c, title, editionYear: year }: { c: WorkCitation; title: string; editionYear: string | null }): VNode {
  const p = c.parsed;
  const context = (c.context ?? '').trim();
  const href = spanHref(c.sourceId, c.start, c.end);
  return (
    <li class="citation-item" id={`c-${c.key}`} data-testid="work-citation" data-key={c.key} data-source={c.sourceId}>
      <p class="meta-line citation-meta">
        <a href={href} class="citation-source" data-testid="work-citation-link" title={`Open ${title} at this citation`}>
          {title}
        </a>
        {p?.locator && (
          <span title="The cited place in the work, as written">
            <span class="muted">at</span> {p.locator}
          </span>
        )}
        {c.edition && (
          <a class="badge" href={`#ed-${encodeURIComponent(c.edition)}`} title="The edition this reference names">
            {year ?? 'undated'} edition
          </a>
        )}
        {c.kind && (
          <span class="badge" title={KIND_TITLE[c.kind]}>
            {KIND_LABEL[c.kind] ?? c.kind}
          </span>
        )}
        {p?.ibid && (
          <span class="badge" title="Refers to the reference just before it">
            Ibid.
          </span>
        )}
        {p?.opCit && (
          <span class="badge" title="Refers to the same author’s earlier reference">
            op. cit.
          </span>
        )}
      </p>
      {context && (
        <blockquote class="citation-context source-text" aria-label="The paragraph before the citation">
          {context.length >= 400 && <span class="ellipsis">…</span>}
          {context}
        </blockquote>
      )}
      <p class="citation-text source-text">
        <span class="sr-only">Citation: </span>
        {c.text}
      </p>
      {(p?.remarks ?? []).length > 0 && (
        <p class="small muted">
          Remarks in the reference:{' '}
          {p.remarks.map((r, i) => (
            <span key={i}>
              {i > 0 && '; '}[{r}]
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

// ------------------------------------------------------------------ the passages that rest on it

interface ClaimGroup {
  id: string;
  claim: string | null;
  heading: string | null;
  sourceId: string;
  passages: WorkPassage[];
}

function Passages({ passages, byKey, sources }: { passages: WorkPassage[]; byKey: Map<string, WorkCitation>; sources: Map<string, Source> }): VNode {
  const groups = useMemo(() => {
    const m = new Map<string, ClaimGroup>();
    for (const p of passages) {
      const id = p.claim ?? `none:${p.sourceId}`;
      let g = m.get(id);
      if (!g) m.set(id, (g = { id, claim: p.claim, heading: p.heading, sourceId: p.sourceId, passages: [] }));
      g.passages.push(p);
    }
    for (const g of m.values()) g.passages.sort((a, b) => a.start - b.start);
    return [...m.values()].sort(
      (a, b) =>
        sourceTitle(sources, a.sourceId).localeCompare(sourceTitle(sources, b.sourceId)) ||
        (a.passages[0]?.start ?? 0) - (b.passages[0]?.start ?? 0) ||
        a.id.localeCompare(b.id),
    );
  }, [passages, sources]);
  return (
    <Section title={passages.length ? `Evidence that rests on it (${fmtInt(passages.length)})` : 'Evidence that rests on it'} id="h-passages" testid="work-passages">
      {groups.length === 0 ? (
        <p class="muted">No source offers a passage as evidence with a citation of this work.</p>
      ) : (
        <>
          <p class="hint">Passages the sources offer as evidence, closed by a citation of this work, under the heading they support.</p>
          <ul class="claim-groups">
            {groups.map((g) => (
              <li key={g.id} class="claim-group" data-testid="work-claim-group" data-claim={g.claim ?? undefined}>
                <h3 class="occ-title">
                  {g.claim ? (
                    <a href={evidencePath(g.claim)} data-testid="evidence-link" class="source-text">
                      {(g.heading ?? '').trim() || g.claim}
                    </a>
                  ) : (
                    <span class="muted">Not under a stated heading</span>
                  )}
                </h3>
                <p class="meta-line small">
                  <span>
                    in <a href={sourcePath(g.sourceId)}>{sourceTitle(sources, g.sourceId)}</a>
                  </span>
                  <Tags items={sources.get(g.sourceId)?.perspective} />
                  <span class="muted">{plural(g.passages.length, 'passage', 'passages')}</span>
                </p>
                <ol class="evidence-passages">
                  {g.passages.map((p, i) => {
                    const c = byKey.get(p.citation);
                    return (
                      <li key={`${p.start}-${i}`} data-testid="work-passage">
                        <blockquote class="reuse-text source-text">{p.text}</blockquote>
                        <p class="small meta-line">
                          <a href={spanHref(p.sourceId, p.start, p.end)}>read it in the source</a>
                          {c && (
                            <a href={`#c-${encodeURIComponent(c.key)}`} title={c.text}>
                              its citation{c.parsed?.locator ? ` (at ${c.parsed.locator})` : ''}
                            </a>
                          )}
                        </p>
                      </li>
                    );
                  })}
                </ol>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
