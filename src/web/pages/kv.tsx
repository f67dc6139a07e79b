import type { VNode } from 'preact';
import type { JsonObject } from '../api';
import { ErrorBox, Loading, useApi, useTitle } from '../ui';

type Row = [key: string, value: unknown];

function isPlainObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Flatten nested objects into dotted keys; arrays of scalars stay one row. */
export function flatten(value: unknown, prefix = '', out: Row[] = []): Row[] {
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) out.push([prefix, {}]);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.push([prefix || '(value)', value]);
  }
  return out;
}

function show(v: unknown): VNode {
  if (v === null || v === undefined) return <span class="muted">{String(v)}</span>;
  if (typeof v === 'boolean') return <code>{String(v)}</code>;
  if (typeof v === 'number') return <span class="num">{Number.isInteger(v) ? v.toLocaleString('en-US') : String(v)}</span>;
  if (typeof v === 'string') return <span class="break">{v === '' ? <span class="muted">(empty)</span> : v}</span>;
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) {
    return v.length === 0 ? <span class="muted">(none)</span> : <span class="break">{v.map(String).join(', ')}</span>;
  }
  return <pre class="json">{JSON.stringify(v, null, 2)}</pre>;
}

/** `/-/settings` and `/-/status`: the JSON twin as a key/value table. */
export function KeyValuePage({ title, url }: { title: string; url: string }): VNode {
  const res = useApi<JsonObject>(url);
  useTitle(title);
  const rows = res.data ? flatten(Object.fromEntries(Object.entries(res.data).filter(([k]) => k !== 'ok'))) : [];
  return (
    <div class="page kv-page">
      <h1 class="page-title">{title}</h1>
      {res.error ? (
        <ErrorBox error={res.error} />
      ) : !res.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p class="muted">Nothing to show.</p>
      ) : (
        <div class="table-wrap">
          <table class="table kv">
            <tbody>
              {rows.map(([k, v]) => (
                <tr key={k}>
                  <th scope="row" class="mono">
                    {k}
                  </th>
                  <td>{show(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
