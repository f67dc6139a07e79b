import type { VNode } from 'preact';
import type { JsonObject } from '../api';
import { ErrorBox, Loading, useApi, useTitle } from '../ui';

type Row = [key: string, value: unknown];

function isPlainObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `[{name, value, …}, …]`, e.g. the settings list: each entry becomes a row of its own. */
function isNamedList(v: unknown): v is ({ name: string; value?: unknown } & JsonObject)[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => isPlainObject(x) && typeof x['name'] === 'string');
}

/** Flatten nested objects into dotted keys; arrays of scalars stay one row; named lists give a row per entry. */
export function flatten(value: unknown, prefix = '', out: Row[] = []): Row[] {
  if (isNamedList(value)) {
    for (const item of value) {
      const key = prefix ? `${prefix}.${item.name}` : item.name;
      if ('value' in item) out.push([key, new Detail(item)]);
      else flatten(Object.fromEntries(Object.entries(item).filter(([k]) => k !== 'name')), key, out);
    }
  } else if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) out.push([prefix, {}]);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.push([prefix || '(value)', value]);
  }
  return out;
}

/** A named entry with a value and other fields (default, description, …) shown beneath it. */
class Detail {
  constructor(readonly item: JsonObject) {}
}

function show(v: unknown): VNode {
  if (v instanceof Detail) {
    const { name: _name, value, description, ...rest } = v.item;
    const isDefault = 'default' in rest && JSON.stringify(rest['default']) === JSON.stringify(value);
    if (isDefault) delete rest['default'];
    return (
      <>
        {show(value)}
        {isDefault && <span class="muted small"> (default)</span>}
        {typeof description === 'string' && <div class="muted small">{description}</div>}
        {Object.keys(rest).length > 0 && (
          <div class="muted small">
            {Object.entries(rest).map(([k, x], i) => (
              <span key={k}>
                {i > 0 && ' · '}
                {k}: <code>{typeof x === 'string' ? x : JSON.stringify(x)}</code>
              </span>
            ))}
          </div>
        )}
      </>
    );
  }
  if (v === null || v === undefined) return <span class="muted">{String(v)}</span>;
  if (typeof v === 'boolean') return <code>{String(v)}</code>;
  if (typeof v === 'number') return <span class="num">{String(v)}</span>;
  if (typeof v === 'string') return <span class="break">{v === '' ? <span class="muted">(empty)</span> : v}</span>;
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) {
    return v.length === 0 ? <span class="muted">(none)</span> : <span class="break">{v.map(String).join(', ')}</span>;
  }
  return <pre class="json">{JSON.stringify(v, null, 2)}</pre>;
}

/** The answer without `ok`; a single wrapping key (`{ok, settings: […]}`) is unwrapped. */
function body(data: JsonObject): unknown {
  const entries = Object.entries(data).filter(([k]) => k !== 'ok');
  const only = entries.length === 1 ? entries[0]![1] : undefined;
  return only !== null && typeof only === 'object' ? only : Object.fromEntries(entries);
}

/** `/-/settings` and `/-/status`: the JSON twin as a key/value table. */
export function KeyValuePage({ title, url }: { title: string; url: string }): VNode {
  const res = useApi<JsonObject>(url);
  useTitle(title);
  const rows = res.data ? flatten(body(res.data)) : [];
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
