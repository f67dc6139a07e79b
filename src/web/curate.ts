/** Sending curation actions (POST /api/curation) and remembering when the server turned out to be read-only. */
import { useState } from 'preact/hooks';
import type { CurationPostResponse, CurationRequest } from './api';
import { ApiError, postJson } from './api';

/** Set once the server answered 405: it is read-only, so the controls can say so up front. */
let readOnly = false;

export function serverIsReadOnly(): boolean {
  return readOnly;
}

export interface Curate {
  busy: boolean;
  error: ApiError | null;
  /** Send one action; resolves to the answer, or null when it failed (the error is in `error`). */
  run: (req: CurationRequest) => Promise<CurationPostResponse | null>;
  clear: () => void;
}

export function useCurate(): Curate {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (req: CurationRequest): Promise<CurationPostResponse | null> => {
    setBusy(true);
    setError(null);
    try {
      return await postJson<CurationPostResponse>('/api/curation', req);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(e instanceof Error ? e.message : String(e), 0);
      if (err.status === 405) {
        readOnly = true;
        setError(new ApiError(`This server is read-only, so curation is switched off. (${err.message})`, 405, err.errors));
      } else {
        setError(err);
      }
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clear: () => setError(null) };
}
