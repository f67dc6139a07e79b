/** `/entities`: who is who. Type tabs with counts, a name filter, sort and pages of entities. */
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntitiesResponse, EntitySummary, EntityType } from '../api';
import { ENTITY_TYPES, entityPath, qs } from '../api';
import { AmbiguousBadge, isEntityType, TYPE_PLURAL, TypeBadge } from '../entity-ui';
import type { Loc } from '../router';
import { navigate } from '../router';
import { ErrorBox, fmtInt, Loading, useApi, useTitle, Pager, pageWindow, ResultsCount } from '../ui';

const PAGE = 50;
const TYPE_AHEAD_MS = 300;

type Sort = 'mentions' | 'name';

interface Params {
  type: EntityType | '';
  q: string;
  sort: Sort;
  offset: number;
  limit: number;
}

function paramsFrom(p: URLSearchParams): Params {
  const t = p.get('type') ?? '';
  const limit = Number.parseInt(p.get('limit') ?? '', 10);
  return {
    type: isEntityType(t) ? t : '',
    q: p.get('q') ?? '',
    sort: p.get('sort') === 'name' ? 'name' : 'mentions',
    offset: Math.max(0, Number.parseInt(p.get('offset') ?? '', 10) || 0),
    limit: limit > 0 ? Math.min(limit, 500) : PAGE,
  };
}

/** Query string for the page and its API twin (defaults left out so URLs stay short). */
function query(p: Params, change: Partial<Params> = {}): string {
  const n = { ...p, ...change };
  return qs({ type: n.type, q: n.q.trim(), sort: n.sort === 'mentions' ? null : n.sort, offset: n.offset || null, limit: n.limit === PAGE ? null : n.limit });
}

export function EntitiesPage({ loc }: { loc: Loc }): VNode {
  const p = paramsFrom(loc.params);
  // the API gets every parameter spelled out (its defaults may differ from this page's)
  const apiUrl = `/api/entities${qs({ type: p.type, q: p.q.trim(), sort: p.sort, limit: p.limit, offset: p.offset })}`;
  const res = useApi<EntitiesResponse>(apiUrl);
  useTitle(p.type ? `${TYPE_PLURAL[p.type]} · Entities` : 'Entities');

  const [qInput, setQInput] = useState(p.q);
  // follow the URL (back/forward, tabs), but keep what is being typed (e.g. a trailing space)
  useEffect(() => setQInput((cur) => (cur.trim() === p.q.trim() ? cur : p.q)), [p.q]);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  /** Filter as one types (replacing the history entry), or at once on Enter. */
  const onInput = (value: string): void => {
    setQInput(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => navigate(`/entities${query(p, { q: value, offset: 0 })}`, { replace: true }), TYPE_AHEAD_MS);
  };
  const submit = (e: Event): void => {
    e.preventDefault();
    window.clearTimeout(timer.current);
    const value = (e.currentTarget as HTMLFormElement).querySelector('input')?.value ?? qInput;
    navigate(`/entities${query(p, { q: value, offset: 0 })}`);
  };

  const data = res.data;
  const types = data?.types ?? {};
  const all = ENTITY_TYPES.reduce((a, t) => a + (types[t] ?? 0), 0);

  return (
    <div class="page entities-page">
      <h1 class="page-title">Who is who</h1>
      <p class="muted intro-line">
        People, organizations, places and trials named in the sources, with every spelling gathered under one name. Each entry shows why
        spellings were joined, and links to every mention.
      </p>

      <nav class="type-tabs" aria-label="Entity types" data-testid="entity-type-filter">
        <a href={`/entities${query(p, { type: '', offset: 0 })}`} aria-current={p.type === '' ? 'page' : undefined} data-type="">
          All{data && <span class="count">{fmtInt(all)}</span>}
        </a>
        {ENTITY_TYPES.map((t) => (
          <a key={t} href={`/entities${query(p, { type: t, offset: 0 })}`} aria-current={p.type === t ? 'page' : undefined} data-type={t}>
            {TYPE_PLURAL[t]}
            {data && <span class="count">{fmtInt(types[t] ?? 0)}</span>}
          </a>
        ))}
      </nav>

      <div class="entity-tools">
        <form class="entity-filter" role="search" onSubmit={submit}>
          <label class="sr-only" for="entity-q">
            Filter by name or spelling
          </label>
          <input
            id="entity-q"
            type="search"
            placeholder="Filter by name or spelling…"
            autocomplete="off"
            spellcheck={false}
            value={qInput}
            onInput={(e) => onInput(e.currentTarget.value)}
          />
        </form>
        <label class="field field-inline">
          <span>Sort</span>
          <select value={p.sort} onChange={(e) => navigate(`/entities${query(p, { sort: e.currentTarget.value === 'name' ? 'name' : 'mentions', offset: 0 })}`)}>
            <option value="mentions">most mentioned</option>
            <option value="name">name</option>
          </select>
        </label>
      </div>

      <section aria-busy={res.loading}>
        {res.error ? (
          <ErrorBox error={res.error} />
        ) : !data ? (
          <Loading />
        ) : (
          <EntityTable data={data} p={p} stale={res.loading} />
        )}
      </section>
    </div>
  );
}

function EntityTable({ data, p, stale }: { data: EntitiesResponse; p: Params; stale: boolean }): VNode {
  const items = data.items ?? [];
  const { first, last, prev, next } = pageWindow(data, p, items.length, (o) => `/entities${query(p, { offset: o })}`);
  if (items.length === 0) {
    return (
      <p class="muted" data-testid="entity-index">
        {p.q.trim() ? `No entity matches “${p.q.trim()}”.` : 'No entities found. They are found when sources are analysed.'}
      </p>
    );
  }
  return (
    <div class={stale ? 'stale' : undefined}>
      <ResultsCount total={data.total} one="entity" many="entities" first={first} last={last} paged={!!(prev || next)} />
      <div class="table-wrap">
        <table class="table entity-table" data-testid="entity-index">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col" class="num">
                Mentions
              </th>
              <th scope="col" class="num">
                Sources
              </th>
              <th scope="col">Spellings</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <EntityRow key={e.key} e={e} />
            ))}
          </tbody>
        </table>
      </div>
      <Pager prev={prev} next={next} label="Entity pages" />
    </div>
  );
}

function EntityRow({ e }: { e: EntitySummary }): VNode {
  const aliases = e.aliases ?? [];
  return (
    <tr data-testid="entity-row" data-key={e.key} data-type={e.type}>
      <td class="cell-title" data-label="Name">
        <a href={entityPath(e.key)} data-testid="entity-link">
          {e.name}
        </a>{' '}
        {e.ambiguous && <AmbiguousBadge />}
      </td>
      <td data-label="Type">
        <TypeBadge type={e.type} />
      </td>
      <td class="num" data-label="Mentions">
        {fmtInt(e.mentions)}
      </td>
      <td class="num" data-label="Sources">
        {fmtInt(e.sources)}
      </td>
      <td data-label="Spellings" class="small">
        {aliases.length === 0 ? (
          <span class="muted">—</span>
        ) : (
          <span class="alias-list">
            {aliases.map((a, i) => (
              <span key={a.name} class="alias">
                {i > 0 && <span class="sep">, </span>}
                {a.name} <span class="muted num">{fmtInt(a.count)}</span>
              </span>
            ))}
          </span>
        )}
      </td>
    </tr>
  );
}
