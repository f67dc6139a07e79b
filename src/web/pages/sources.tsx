import type { VNode } from 'preact';
import type { SourcesResponse } from '../api';
import { sourcePath } from '../api';
import { ErrorBox, fmtInt, Loading, Tags, useApi, useTitle } from '../ui';

export function SourcesPage(): VNode {
  const res = useApi<SourcesResponse>('/api/sources', { cache: true });
  useTitle('Sources');
  const sources = res.data?.sources ?? [];
  return (
    <div class="page sources-page">
      <h1 class="page-title">Sources</h1>
      {res.error ? (
        <ErrorBox error={res.error} />
      ) : !res.data ? (
        <Loading />
      ) : sources.length === 0 ? (
        <p class="muted">No sources have been ingested yet.</p>
      ) : (
        <>
          <p class="muted">
            {fmtInt(sources.length)} {sources.length === 1 ? 'source' : 'sources'}, listed with the metadata they were ingested with.
          </p>
          <div class="table-wrap">
            <table class="table sources-table">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Authors</th>
                  <th scope="col">Date</th>
                  <th scope="col">Perspective</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Lang.</th>
                  <th scope="col" class="num">
                    Passages
                  </th>
                  <th scope="col">File</th>
                  <th scope="col">Licence</th>
                </tr>
              </thead>
              <tbody>
                {sources.map((s) => (
                  <tr key={s.id}>
                    <td data-label="Title" class="cell-title">
                      <a href={sourcePath(s.id)}>{s.title || s.id}</a>
                    </td>
                    <td data-label="Authors">{s.authors?.length ? s.authors.join('; ') : <span class="muted">—</span>}</td>
                    <td data-label="Date" class="nowrap">
                      {s.date ?? <span class="muted">—</span>}
                    </td>
                    <td data-label="Perspective">
                      <Tags items={s.perspective} />
                    </td>
                    <td data-label="Kind">{s.kind ?? <span class="muted">—</span>}</td>
                    <td data-label="Language">{s.language ?? <span class="muted">—</span>}</td>
                    <td data-label="Passages" class="num">
                      {fmtInt(s.passages)}
                      {s.duplicatePassages > 0 && (
                        <span class="muted small" title="passages in sections that repeat an earlier section">
                          {' '}
                          ({fmtInt(s.duplicatePassages)} repeated)
                        </span>
                      )}
                    </td>
                    <td data-label="File" class="mono small break">
                      {s.fileName}
                    </td>
                    <td data-label="Licence" class="small licence">
                      {s.licence ?? <span class="muted">—</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
