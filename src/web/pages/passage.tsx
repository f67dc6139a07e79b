import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import type { PassageResponse } from '../api';
import { enc, passageHref } from '../api';
import { navigate } from '../router';
import { ErrorBox, Loading, useApi, useTitle } from '../ui';

/** `/passages/:key`: look the passage up, then open the reader at it. */
export function PassagePage({ passageKey }: { passageKey: string }): VNode {
  const res = useApi<PassageResponse>(`/api/passages/${enc(passageKey)}`);
  useTitle('Passage');
  const p = res.data?.passage;
  useEffect(() => {
    if (p && !res.loading) navigate(passageHref(p.sourceId, p.key), { replace: true });
  }, [p, res.loading]);
  return <div class="page">{res.error ? <ErrorBox error={res.error} /> : <Loading label="Opening the passage…" />}</div>;
}
