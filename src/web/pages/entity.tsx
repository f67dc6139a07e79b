/**
 * `/entities/:key`: one entity. Its spellings (per source), why they were joined, the sources and
 * perspectives that speak of it (alphabetically: no side is ranked above another), who else is named
 * in the same passages, every mention in context, and the curation controls.
 */
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntitiesResponse, EntityDetail, EntityMention, EntityResponse, EntitySummary } from '../api';
import { enc, entityPath, getJson, passageHref, qs, sourcePath } from '../api';
import { serverIsReadOnly, useCurate } from '../curate';
import { AmbiguousBadge, ruleText, typeClass, TypeBadge, typeLabel } from '../entity-ui';
import { navigate } from '../router';
import { ErrorBox, fmtInt, Loading, Notice, Tags, useApi, useTitle } from '../ui';

const MERGE_SUGGESTIONS = 8;
const TYPE_AHEAD_MS = 200;

export function mentionList(e: EntityDetail): EntityMention[] {
  return Array.isArray(e.mentions) ? e.mentions : [];
}

export function mentionCount(e: EntityDetail): number {
  if (typeof e.mentionsTotal === 'number') return e.mentionsTotal;
  if (typeof e.mentionCount === 'number') return e.mentionCount;
  return typeof e.mentions === 'number' ? e.mentions : mentionList(e).length;
}

function byTitle(a: { title: string | null; sourceId: string }, b: { title: string | null; sourceId: string }): number {
  return (a.title || a.sourceId).localeCompare(b.title || b.sourceId) || a.sourceId.localeCompare(b.sourceId);
}

/** A reader query that highlights one spelling as a phrase. */
function phrase(s: string): string {
  return `"${s.replace(/"/g, ' ').trim()}"`;
}

export function EntityPage({ entityKey }: { entityKey: string }): VNode {
  const [version, setVersion] = useState(0);
  const res = useApi<EntityResponse>(`/api/entities/${enc(entityKey)}`, { version });
  const e = res.data?.entity ?? null;
  useTitle(e ? e.name : 'Entity');
  /** what the last action did, shown above the page after it reloads */
  const [done, setDone] = useState<ComponentChildren>(null);
  useEffect(() => setDone(null), [entityKey]);

  const reload = (message: ComponentChildren): void => {
    setDone(message);
    setVersion((v) => v + 1);
  };

  if (res.error) {
    return (
      <div class="page entity-page">
        {done && <Notice>{done}</Notice>}
        {res.error.status === 404 ? (
          <div class="msg msg-error" role="alert">
            <strong class="msg-title">No such entity</strong>
            <p>
              <code>{entityKey}</code> is not in the record (any more): it may have been merged into another entity or rejected. See the{' '}
              <a href="/curation">curation log</a> or the <a href="/entities">list of entities</a>.
            </p>
          </div>
        ) : (
          <ErrorBox error={res.error} />
        )}
      </div>
    );
  }
  if (!e) {
    return (
      <div class="page entity-page">
        <Loading />
      </div>
    );
  }
  return (
    <div class={`page entity-page${res.loading ? ' stale' : ''}`} aria-busy={res.loading}>
      <EntityHead e={e} />
      {done && <Notice>{done}</Notice>}
      <EntityBody e={e} onDone={reload} />
    </div>
  );
}

function EntityHead({ e }: { e: EntityDetail }): VNode {
  const count = mentionCount(e);
  return (
    <header class="entity-head">
      <p class="crumbs">
        <a href="/entities">Entities</a> <span aria-hidden="true">/</span> <a href={`/entities${qs({ type: e.type })}`}>{typeLabel(e.type)}</a>
      </p>
      <h1 class="page-title entity-title">
        <span data-testid="entity-name">{e.name}</span>
      </h1>
      <p class="meta-line entity-meta">
        <TypeBadge type={e.type} />
        {e.ambiguous && <AmbiguousBadge />}
        {e.curated && (
          <span class="badge" title="Changed by curation: see the curation log">
            curated
          </span>
        )}
        <span>
          {fmtInt(count)} {count === 1 ? 'mention' : 'mentions'} in {fmtInt(e.sources)} {e.sources === 1 ? 'source' : 'sources'}
        </span>
        <a href={`/search${qs({ q: e.name })}`}>search every spelling</a>
        <span class="mono small muted">{e.key}</span>
      </p>
    </header>
  );
}

function EntityBody({ e, onDone }: { e: EntityDetail; onDone: (message: ComponentChildren) => void }): VNode {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setSelected(new Set()), [e.key]);
  const titles = sourceLabels(e);
  const toggle = (key: string, on: boolean): void =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(key);
      else n.delete(key);
      return n;
    });
  return (
    <div class="entity-grid">
      <div class="entity-main">
        <Aliases e={e} titles={titles} />
        <Evidence e={e} />
        <Sources e={e} />
        <Mentions e={e} titles={titles} selected={selected} onToggle={toggle} />
      </div>
      <aside class="entity-side">
        <Cooccurring e={e} />
        <CurationPanel e={e} selected={selected} onDone={(m) => {
          setSelected(new Set());
          onDone(m);
        }} />
      </aside>
    </div>
  );
}

/** Source titles for labels; two sources with the same title are told apart by their ids. */
function sourceLabels(e: EntityDetail): Map<string, string> {
  const seen = new Map<string, number>();
  for (const s of e.bySource ?? []) seen.set(s.title || s.sourceId, (seen.get(s.title || s.sourceId) ?? 0) + 1);
  return new Map(
    (e.bySource ?? []).map((s) => {
      const t = s.title || s.sourceId;
      return [s.sourceId, (seen.get(t) ?? 0) > 1 && t !== s.sourceId ? `${t} (${s.sourceId})` : t];
    }),
  );
}

function Section({ title, id, children, testid }: { title: string; id: string; children: ComponentChildren; testid?: string }): VNode {
  return (
    <section class="entity-section" aria-labelledby={id} data-testid={testid}>
      <h2 id={id} class="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Aliases({ e, titles }: { e: EntityDetail; titles: Map<string, string> }): VNode {
  const aliases = [...(e.aliases ?? [])].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return (
    <Section title="Spellings" id="h-aliases">
      {aliases.length === 0 ? (
        <p class="muted">No spellings recorded.</p>
      ) : (
        <div class="table-wrap">
          <table class="table alias-table" data-testid="entity-aliases">
            <thead>
              <tr>
                <th scope="col">Spelling</th>
                <th scope="col" class="num">
                  Mentions
                </th>
                <th scope="col">In sources</th>
              </tr>
            </thead>
            <tbody>
              {aliases.map((a) => {
                const per = Object.entries(a.bySource ?? {})
                  .map(([sourceId, n]) => ({ sourceId, title: titles.get(sourceId) ?? sourceId, n }))
                  .sort((x, y) => x.title.localeCompare(y.title));
                return (
                  <tr key={a.name} data-testid="entity-alias">
                    <td class="alias-name source-text">{a.name}</td>
                    <td class="num">{fmtInt(a.count)}</td>
                    <td class="small">
                      {per.length === 0 ? (
                        <span class="muted">—</span>
                      ) : (
                        <span class="per-source">
                          {per.map((x) => (
                            <a key={x.sourceId} class="chip" href={`${sourcePath(x.sourceId)}${qs({ q: phrase(a.name) })}`} title={`Show “${a.name}” in ${x.title}`}>
                              <span class="chip-label">{x.title}</span> <span class="num">{fmtInt(x.n)}</span>
                            </a>
                          ))}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function Evidence({ e }: { e: EntityDetail }): VNode {
  const ev = e.evidence ?? [];
  return (
    <Section title="Why these spellings were joined" id="h-evidence" testid="entity-evidence">
      {ev.length === 0 ? (
        <p class="muted">Nothing was joined: every mention has the same spelling.</p>
      ) : (
        <ul class="evidence">
          {ev.map((x, i) => (
            <li key={i} data-rule={x.rule}>
              <span class="evidence-rule">
                {ruleText(x.rule)} <code class="small">{x.rule}</code>
              </span>
              {x.aliases?.length > 0 && (
                <span class="evidence-aliases">
                  {x.aliases.map((a) => (
                    <span key={a} class="chip source-text">
                      {a}
                    </span>
                  ))}
                </span>
              )}
              {x.detail && <span class="evidence-detail muted small">{x.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Sources({ e }: { e: EntityDetail }): VNode {
  const sources = [...(e.bySource ?? [])].sort(byTitle);
  const perspectives = [...(e.byPerspective ?? [])].sort((a, b) => a.perspective.localeCompare(b.perspective));
  return (
    <Section title="Who speaks of it" id="h-sources">
      <p class="hint">Sources and perspectives are listed alphabetically; the counts are mentions, not weight.</p>
      {sources.length === 0 ? (
        <p class="muted">No source mentions it.</p>
      ) : (
        <div class="table-wrap">
          <table class="table" data-testid="entity-sources">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Perspective</th>
                <th scope="col" class="num">
                  Mentions
                </th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr key={s.sourceId}>
                  <td class="cell-title">
                    <a href={sourcePath(s.sourceId)}>{s.title || s.sourceId}</a>
                    {s.title && <div class="mono small muted break">{s.sourceId}</div>}
                  </td>
                  <td>
                    <Tags items={s.perspective} />
                  </td>
                  <td class="num">{fmtInt(s.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {perspectives.length > 0 && (
        <dl class="perspectives" data-testid="entity-perspectives">
          {perspectives.map((p) => (
            <div key={p.perspective} class="perspective">
              <dt>
                <span class="tag">{p.perspective}</span>
              </dt>
              <dd class="small muted">
                {fmtInt(p.count)} {p.count === 1 ? 'mention' : 'mentions'} in {fmtInt(p.sources)} {p.sources === 1 ? 'source' : 'sources'}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Section>
  );
}

function Cooccurring({ e }: { e: EntityDetail }): VNode {
  const co = e.cooccurring ?? [];
  return (
    <Section title="Named in the same passages" id="h-co" testid="entity-cooccurring">
      {co.length === 0 ? (
        <p class="muted">No other entity is named beside it.</p>
      ) : (
        <ul class="co-list">
          {co.map((c) => (
            <li key={c.key} class={typeClass(c.type)}>
              <span class="type-dot" title={typeLabel(c.type)} aria-hidden="true" />
              <a href={entityPath(c.key)}>{c.name}</a>{' '}
              <span class="muted small num" title="passages that name both">
                {fmtInt(c.count)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Mentions({
  e,
  titles,
  selected,
  onToggle,
}: {
  e: EntityDetail;
  titles: Map<string, string>;
  selected: ReadonlySet<string>;
  onToggle: (key: string, on: boolean) => void;
}): VNode {
  const list = mentionList(e);
  const total = mentionCount(e);
  return (
    <Section title="Mentions" id="h-mentions">
      <p class="hint">
        {list.length < total ? `The first ${fmtInt(list.length)} of ${fmtInt(total)} mentions` : `${fmtInt(list.length)} ${list.length === 1 ? 'mention' : 'mentions'}`}, each
        linking to its place in the reader. Tick mentions to split them off into a new entity.
      </p>
      <ol class="mentions">
        {list.map((m) => (
          <MentionItem key={m.key} m={m} title={titles.get(m.sourceId) ?? m.sourceId} checked={selected.has(m.key)} onToggle={onToggle} />
        ))}
      </ol>
    </Section>
  );
}

function MentionItem({ m, title, checked, onToggle }: { m: EntityMention; title: string; checked: boolean; onToggle: (key: string, on: boolean) => void }): VNode {
  const ctx = m.context ?? { text: m.text, start: 0, end: m.text.length };
  const text = ctx.text ?? '';
  const s = Math.max(0, Math.min(text.length, ctx.start));
  const en = Math.max(s, Math.min(text.length, ctx.end));
  const href = passageHref(m.sourceId, m.passageKey);
  const id = `m-${m.key}`;
  return (
    <li class="mention-item" data-testid="entity-mention" data-key={m.key}>
      <input id={id} type="checkbox" class="mention-pick" checked={checked} onChange={(ev) => onToggle(m.key, ev.currentTarget.checked)} />
      <label class="sr-only" for={id}>
        Select this mention of “{m.text}” in {title}
      </label>
      <div class="mention-body">
        <a href={href} class="mention-source" data-testid="entity-mention-link">
          {title}
        </a>
        <p class="snippet source-text">
          <a href={href} tabIndex={-1}>
            {s > 0 && <span class="ellipsis">…</span>}
            {text.slice(0, s)}
            <mark>{text.slice(s, en)}</mark>
            {text.slice(en)}
            {en < text.length && <span class="ellipsis">…</span>}
          </a>
        </p>
      </div>
    </li>
  );
}

// ------------------------------------------------------------------ curation

function CurationPanel({ e, selected, onDone }: { e: EntityDetail; selected: ReadonlySet<string>; onDone: (message: ComponentChildren) => void }): VNode {
  const cur = useCurate();
  const [name, setName] = useState(e.name);
  const [alias, setAlias] = useState('');
  const [splitName, setSplitName] = useState('');
  const [merge, setMerge] = useState<EntitySummary[]>([]);
  const [confirmReject, setConfirmReject] = useState(false);
  useEffect(() => {
    setName(e.name);
    setMerge([]);
    setConfirmReject(false);
  }, [e.key, e.name]);

  /** After an action: go to the entity's new key if it moved, else reload this one. */
  const follow = (key: string | undefined, message: ComponentChildren): void => {
    if (key && key !== e.key) {
      navigate(entityPath(key), { replace: true });
    }
    onDone(message);
  };

  const fieldValue = (ev: Event): string => (ev.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('input[type="text"]')?.value ?? '';

  const rename = async (ev: Event): Promise<void> => {
    ev.preventDefault();
    const value = fieldValue(ev).trim();
    if (!value || value === e.name) return;
    const r = await cur.run({ action: 'rename', key: e.key, name: value });
    if (r) follow(r.entity?.key, <>Renamed to “{value}”. It can be undone from the <a href="/curation">curation log</a>.</>);
  };
  const addAlias = async (ev: Event): Promise<void> => {
    ev.preventDefault();
    const value = fieldValue(ev).trim();
    if (!value) return;
    const r = await cur.run({ action: 'alias', key: e.key, alias: value });
    if (r) {
      setAlias('');
      follow(r.entity?.key, <>Added the spelling “{value}”.</>);
    }
  };
  const doMerge = async (ev: Event): Promise<void> => {
    ev.preventDefault();
    if (merge.length === 0) return;
    const names = merge.map((m) => m.name).join(', ');
    const r = await cur.run({ action: 'merge', keys: [e.key, ...merge.map((m) => m.key)] });
    if (r) {
      setMerge([]);
      follow(r.entity?.key, <>Merged {names} into this entry.</>);
    }
  };
  const doSplit = async (ev: Event): Promise<void> => {
    ev.preventDefault();
    if (selected.size === 0) return;
    const value = splitName.trim();
    const r = await cur.run({ action: 'split', key: e.key, mentions: [...selected], ...(value ? { name: value } : {}) });
    if (r) {
      setSplitName('');
      const key = r.entity?.key;
      onDone(
        <>
          Split {fmtInt(selected.size)} {selected.size === 1 ? 'mention' : 'mentions'} into {key ? <a href={entityPath(key)}>a new entity</a> : 'a new entity'}.
        </>,
      );
    }
  };
  const doReject = async (): Promise<void> => {
    if (!confirmReject) {
      setConfirmReject(true);
      return;
    }
    const r = await cur.run({ action: 'reject', key: e.key });
    setConfirmReject(false);
    if (r) onDone(<>“{e.name}” was marked as not an entity. It can be undone from the <a href="/curation">curation log</a>.</>);
  };

  return (
    <section class="entity-section curation-panel" aria-labelledby="h-curate">
      <h2 id="h-curate" class="section-title">
        Curate
      </h2>
      <p class="hint">
        Changes are recorded in the <a href="/curation">curation log</a>, replayed after re-analysis, and can be undone.
      </p>
      {cur.error ? (
        <ErrorBox error={cur.error} title="The change was not made" />
      ) : (
        serverIsReadOnly() && <p class="msg msg-info">This server is read-only: curation is switched off here.</p>
      )}
      <fieldset class="plain" disabled={serverIsReadOnly()}>

      <form class="curate-form" data-testid="curation-rename" onSubmit={rename}>
        <label for="c-rename">Canonical name</label>
        <div class="curate-row">
          <input id="c-rename" type="text" value={name} onInput={(ev) => setName(ev.currentTarget.value)} autocomplete="off" spellcheck={false} />
          <button type="submit" class="btn" disabled={cur.busy || !name.trim() || name.trim() === e.name}>
            Rename
          </button>
        </div>
      </form>

      <form class="curate-form" data-testid="curation-alias" onSubmit={addAlias}>
        <label for="c-alias">Add a spelling</label>
        <div class="curate-row">
          <input
            id="c-alias"
            type="text"
            value={alias}
            placeholder="e.g. another transliteration"
            onInput={(ev) => setAlias(ev.currentTarget.value)}
            autocomplete="off"
            spellcheck={false}
          />
          <button type="submit" class="btn" disabled={cur.busy || !alias.trim()}>
            Add
          </button>
        </div>
        <p class="hint">Mentions spelled this way will join this entry.</p>
      </form>

      <form class="curate-form" data-testid="curation-merge" onSubmit={doMerge}>
        <label for="c-merge">Merge another entry into this one</label>
        <EntityPicker id="c-merge" exclude={[e.key, ...merge.map((m) => m.key)]} onPick={(m) => setMerge((l) => [...l, m])} />
        {merge.length > 0 && (
          <ul class="picked">
            {merge.map((m) => (
              <li key={m.key} class={typeClass(m.type)}>
                <span class="type-dot" aria-hidden="true" />
                {m.name} <span class="muted small">({fmtInt(m.mentions)})</span>{' '}
                <button type="button" class="btn-link" aria-label={`Remove ${m.name}`} onClick={() => setMerge((l) => l.filter((x) => x.key !== m.key))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <button type="submit" class="btn" disabled={cur.busy || merge.length === 0} data-testid="curation-merge-submit">
          {merge.length === 0 ? 'Merge' : `Merge ${merge.length === 1 ? merge[0]!.name : `${merge.length} entries`} into “${e.name}”`}
        </button>
      </form>

      <form class="curate-form" data-testid="curation-split" onSubmit={doSplit}>
        <label for="c-split">Split selected mentions into a new entry</label>
        <div class="curate-row">
          <input
            id="c-split"
            type="text"
            value={splitName}
            placeholder="name of the new entry (optional)"
            onInput={(ev) => setSplitName(ev.currentTarget.value)}
            autocomplete="off"
            spellcheck={false}
          />
          <button type="submit" class="btn" disabled={cur.busy || selected.size === 0}>
            Split {selected.size > 0 ? fmtInt(selected.size) : ''}
          </button>
        </div>
        <p class="hint">{selected.size === 0 ? 'Tick mentions in the list to select them.' : `${fmtInt(selected.size)} selected.`}</p>
      </form>

      <div class="curate-form">
        <span class="label">Not an entity?</span>
        <div class="curate-row">
          <button type="button" class={`btn${confirmReject ? ' btn-danger' : ''}`} data-testid="curation-reject" disabled={cur.busy} onClick={() => void doReject()}>
            {confirmReject ? `Yes, reject “${e.name}”` : 'Reject…'}
          </button>
          {confirmReject && (
            <button type="button" class="btn" onClick={() => setConfirmReject(false)}>
              Cancel
            </button>
          )}
        </div>
      </div>
      </fieldset>
    </section>
  );
}

/** Type-ahead over /api/entities?q=…: pick an entity by name or spelling. */
function EntityPicker({ id, exclude, onPick }: { id: string; exclude: readonly string[]; onPick: (e: EntitySummary) => void }): VNode {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<EntitySummary[]>([]);
  const [err, setErr] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const ctl = useRef<AbortController | null>(null);
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      ctl.current?.abort();
    },
    [],
  );

  const lookUp = (value: string): void => {
    window.clearTimeout(timer.current);
    ctl.current?.abort();
    const term = value.trim();
    if (!term) {
      setItems([]);
      return;
    }
    timer.current = window.setTimeout(() => {
      const c = new AbortController();
      ctl.current = c;
      getJson<EntitiesResponse>(`/api/entities${qs({ q: term, limit: MERGE_SUGGESTIONS + exclude.length })}`, c.signal).then(
        (r) => {
          if (c.signal.aborted) return;
          setErr(null);
          setItems((r.items ?? []).filter((x) => !exclude.includes(x.key)).slice(0, MERGE_SUGGESTIONS));
        },
        (e: unknown) => {
          if (!c.signal.aborted) setErr(e instanceof Error ? e.message : String(e));
        },
      );
    }, TYPE_AHEAD_MS);
  };

  const listId = `${id}-list`;
  return (
    <div class="picker">
      <input
        id={id}
        type="search"
        value={q}
        placeholder="Type a name or spelling…"
        autocomplete="off"
        spellcheck={false}
        aria-controls={listId}
        onInput={(ev) => {
          setQ(ev.currentTarget.value);
          lookUp(ev.currentTarget.value);
        }}
        onKeyDown={(ev) => {
          // Enter picks the first suggestion rather than submitting the merge
          if (ev.key === 'Enter') {
            ev.preventDefault();
            const first = items[0];
            if (first) {
              onPick(first);
              setQ('');
              setItems([]);
            }
          }
        }}
      />
      {err && <p class="hint error-text">{err}</p>}
      {items.length > 0 && (
        <ul class="suggestions" id={listId} data-testid="entity-suggestions">
          {items.map((x) => (
            <li key={x.key}>
              <button
                type="button"
                class={`suggestion ${typeClass(x.type)}`}
                onClick={() => {
                  onPick(x);
                  setQ('');
                  setItems([]);
                }}
              >
                <span class="type-dot" aria-hidden="true" />
                <span>{x.name}</span>
                <span class="muted small">
                  {typeLabel(x.type)} · {fmtInt(x.mentions)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
