/** `/curation`: the append-only log of curation actions, newest first, with undo for applied ones. */
import type { ComponentChildren, VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { CurationEntry, CurationResponse } from '../api';
import { entityPath } from '../api';
import { useCurate } from '../curate';
import { ErrorBox, fmtInt, Loading, Notice, useApi, useTitle } from '../ui';

const ACTION_LABEL: Record<string, string> = {
  merge: 'Merge',
  split: 'Split',
  rename: 'Rename',
  alias: 'Add spelling',
  reject: 'Reject',
  undo: 'Undo',
};

const STATUS_TEXT: Record<string, string> = {
  applied: 'in effect',
  stale: 'could not be replayed: what it refers to is gone after re-analysis',
  undone: 'undone',
};

function EntityLink({ k }: { k: string }): VNode {
  return (
    <a href={entityPath(k)} class="mono small">
      {k}
    </a>
  );
}

/** The action's arguments in words; keys become links (the page says so if the entity is gone). */
function describe(e: CurationEntry): ComponentChildren {
  const a = e.args ?? {};
  const str = (k: string): string | null => (typeof a[k] === 'string' ? (a[k] as string) : null);
  const strs = (k: string): string[] => (Array.isArray(a[k]) ? (a[k] as unknown[]).filter((x): x is string => typeof x === 'string') : []);
  const key = str('key');
  switch (e.action) {
    case 'merge': {
      const [into, ...rest] = strs('keys');
      if (!into) break;
      return (
        <>
          {rest.map((k, i) => (
            <span key={k}>
              {i > 0 && ', '}
              <EntityLink k={k} />
            </span>
          ))}{' '}
          into <EntityLink k={into} />
        </>
      );
    }
    case 'split': {
      const n = strs('mentions').length;
      const name = str('name');
      return (
        <>
          {fmtInt(n)} {n === 1 ? 'mention' : 'mentions'} of {key ? <EntityLink k={key} /> : '?'} into a new entry{name ? <> “{name}”</> : null}
        </>
      );
    }
    case 'rename':
      return (
        <>
          {key ? <EntityLink k={key} /> : '?'} to <strong class="curation-value">“{str('name') ?? ''}”</strong>
        </>
      );
    case 'alias':
      return (
        <>
          <strong class="curation-value">“{str('alias') ?? ''}”</strong> to {key ? <EntityLink k={key} /> : '?'}
        </>
      );
    case 'reject':
      return <>{key ? <EntityLink k={key} /> : '?'} is not an entity</>;
    case 'undo':
      return <>entry #{typeof a['seq'] === 'number' ? a['seq'] : '?'}</>;
  }
  return <code class="small break">{JSON.stringify(a)}</code>;
}

function fmtTime(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function CurationPage(): VNode {
  const [version, setVersion] = useState(0);
  const res = useApi<CurationResponse>('/api/curation', { version });
  const cur = useCurate();
  const [done, setDone] = useState<string | null>(null);
  useTitle('Curation');
  const entries = [...(res.data?.entries ?? [])].sort((a, b) => b.seq - a.seq);

  const undo = async (entry: CurationEntry): Promise<void> => {
    setDone(null);
    const r = await cur.run({ action: 'undo', seq: entry.seq });
    if (r) {
      setDone(`Undid #${entry.seq} (${ACTION_LABEL[entry.action] ?? entry.action}).`);
      setVersion((v) => v + 1);
    }
  };

  return (
    <div class="page curation-page">
      <h1 class="page-title">Curation log</h1>
      <p class="muted intro-line">
        Every change people made to the record of who is who, newest first. The log is only ever appended to: an undo is a new entry. After the
        sources are analysed again, the log is replayed; an entry that no longer applies is marked stale.
      </p>
      {cur.error && <ErrorBox error={cur.error} title="Could not undo" />}
      {done && <Notice>{done}</Notice>}
      {res.error ? (
        <ErrorBox error={res.error} />
      ) : !res.data ? (
        <Loading />
      ) : entries.length === 0 ? (
        <p class="muted" data-testid="curation-log">
          Nothing has been curated yet. Entity pages have the controls to rename, merge, split and reject.
        </p>
      ) : (
        <div class={`table-wrap${res.loading ? ' stale' : ''}`}>
          <table class="table curation-table" data-testid="curation-log">
            <thead>
              <tr>
                <th scope="col" class="num">
                  #
                </th>
                <th scope="col">When</th>
                <th scope="col">Action</th>
                <th scope="col">What</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="sr-only">Undo</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq} data-testid="curation-entry" data-action={e.action} data-status={e.status} data-seq={e.seq}>
                  <td class="num">{e.seq}</td>
                  <td class="nowrap small">
                    <time dateTime={e.at}>{fmtTime(e.at)}</time>
                  </td>
                  <td>{ACTION_LABEL[e.action] ?? e.action}</td>
                  <td class="curation-what">
                    {describe(e)}
                    {e.message && <div class="muted small">{e.message}</div>}
                  </td>
                  <td>
                    <span class={`badge status-${e.status}`} title={STATUS_TEXT[e.status] ?? e.status}>
                      {e.status}
                    </span>
                  </td>
                  <td>
                    {e.status === 'applied' && e.action !== 'undo' && (
                      <button type="button" class="btn btn-small" data-testid="curation-undo" disabled={cur.busy} onClick={() => void undo(e)}>
                        Undo
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
