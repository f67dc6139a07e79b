import type { VNode } from 'preact';
import { enc } from './api';
import { CitationGraphPage } from './pages/citation-graph';
import { ClaimPage } from './pages/claim';
import { ClaimsPage } from './pages/claims';
import { ConflictPage } from './pages/conflict';
import { ConflictsPage } from './pages/conflicts';
import { CurationPage } from './pages/curation';
import { EntitiesPage } from './pages/entities';
import { EntityPage } from './pages/entity';
import { EvidencePage } from './pages/evidence';
import { EvidenceClaimPage } from './pages/evidence-claim';
import { GraphPage } from './pages/graph';
import { KeyValuePage } from './pages/kv';
import { PassagePage } from './pages/passage';
import { QuotationPage } from './pages/quotation';
import { ReaderPage } from './pages/reader';
import { ReusePage } from './pages/reuse';
import { SearchPage } from './pages/search';
import { SourcesPage } from './pages/sources';
import { TimelinePage } from './pages/timeline';
import { WorkPage } from './pages/work';
import { WorksPage } from './pages/works';
import type { Loc } from './router';
import { useLocation } from './router';
import { useTitle } from './ui';

type Route =
  | { name: 'search' }
  | { name: 'sources' }
  | { name: 'reader'; id: string }
  | { name: 'passage'; key: string }
  | { name: 'entities' }
  | { name: 'entity'; key: string }
  | { name: 'reuse' }
  | { name: 'family'; key: string }
  | { name: 'works' }
  | { name: 'work'; key: string }
  | { name: 'evidence' }
  | { name: 'evidence-claim'; key: string }
  | { name: 'claims' }
  | { name: 'claim'; key: string }
  | { name: 'conflicts' }
  | { name: 'conflict'; key: string }
  | { name: 'timeline' }
  | { name: 'graph' }
  | { name: 'citation-graph' }
  | { name: 'curation' }
  | { name: 'settings' }
  | { name: 'status' }
  | { name: 'notfound' };

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function route(path: string): Route {
  if (path === '/' || path === '/search') return { name: 'search' };
  if (path === '/sources') return { name: 'sources' };
  if (path === '/-/settings') return { name: 'settings' };
  if (path === '/-/status') return { name: 'status' };
  if (path === '/entities') return { name: 'entities' };
  if (path === '/reuse') return { name: 'reuse' };
  if (path === '/graph') return { name: 'graph' };
  if (path === '/graph/citations') return { name: 'citation-graph' };
  if (path === '/works') return { name: 'works' };
  if (path === '/evidence') return { name: 'evidence' };
  if (path === '/claims') return { name: 'claims' };
  if (path === '/conflicts') return { name: 'conflicts' };
  if (path === '/timeline') return { name: 'timeline' };
  if (path === '/curation') return { name: 'curation' };
  let m = /^\/sources\/([^/]+)$/.exec(path);
  if (m && !m[1]!.endsWith('.json')) return { name: 'reader', id: decode(m[1]!) };
  m = /^\/passages\/([^/]+)$/.exec(path);
  if (m) return { name: 'passage', key: decode(m[1]!) };
  m = /^\/entities\/([^/]+)$/.exec(path);
  if (m && !m[1]!.endsWith('.json')) return { name: 'entity', key: decode(m[1]!) };
  m = /^\/reuse\/([^/]+)$/.exec(path);
  if (m && !m[1]!.endsWith('.json')) return { name: 'family', key: decode(m[1]!) };
  m = /^\/works\/([^/]+)$/.exec(path);
  if (m && !m[1]!.endsWith('.json')) return { name: 'work', key: decode(m[1]!) };
  m = /^\/evidence\/([^/]+)$/.exec(path);
  if (m && !m[1]!.endsWith('.json')) return { name: 'evidence-claim', key: decode(m[1]!) };
  m = /^\/claims\/([^/]+)$/.exec(path);
  if (m && !m[1]!.endsWith('.json')) return { name: 'claim', key: decode(m[1]!) };
  m = /^\/conflicts\/([^/]+)$/.exec(path);
  if (m && !m[1]!.endsWith('.json')) return { name: 'conflict', key: decode(m[1]!) };
  return { name: 'notfound' };
}

/** The page's JSON twin (docs/API.md). */
function jsonHref(r: Route, loc: Loc): string | null {
  switch (r.name) {
    case 'search':
      return `/api/search${loc.search}`;
    case 'sources':
      return '/api/sources';
    case 'reader':
      return `/api/sources/${enc(r.id)}${loc.search}`;
    case 'passage':
      return `/api/passages/${enc(r.key)}`;
    case 'entities':
      return `/api/entities${loc.search}`;
    case 'entity':
      return `/api/entities/${enc(r.key)}`;
    case 'reuse':
      return `/reuse.json${loc.search}`;
    case 'family':
      return `/reuse/${enc(r.key)}.json`;
    case 'works':
      return `/works.json${loc.search}`;
    case 'work':
      return `/works/${enc(r.key)}.json`;
    case 'evidence':
      return `/evidence.json${loc.search}`;
    case 'evidence-claim':
      return `/evidence/${enc(r.key)}.json`;
    case 'claims':
      return `/claims.json${loc.search}`;
    case 'claim':
      return `/claims/${enc(r.key)}.json`;
    case 'conflicts':
      return `/conflicts.json${loc.search}`;
    case 'conflict':
      return `/conflicts/${enc(r.key)}.json`;
    case 'timeline':
      return `/timeline.json${loc.search}`;
    case 'graph':
      return `/api/graph/entities${loc.search}`;
    case 'citation-graph':
      return '/graph/citations.json';
    case 'curation':
      return '/api/curation';
    case 'settings':
      return '/-/settings.json';
    case 'status':
      return '/-/status.json';
    default:
      return null;
  }
}

function Page({ r, loc }: { r: Route; loc: Loc }): VNode {
  switch (r.name) {
    case 'search':
      return <SearchPage loc={loc} />;
    case 'sources':
      return <SourcesPage />;
    case 'reader':
      return <ReaderPage key={r.id} id={r.id} loc={loc} />;
    case 'passage':
      return <PassagePage key={r.key} passageKey={r.key} />;
    case 'entities':
      return <EntitiesPage loc={loc} />;
    case 'entity':
      return <EntityPage key={r.key} entityKey={r.key} />;
    case 'reuse':
      return <ReusePage loc={loc} />;
    case 'family':
      return <QuotationPage key={r.key} familyKey={r.key} />;
    case 'works':
      return <WorksPage loc={loc} />;
    case 'work':
      return <WorkPage key={r.key} workKey={r.key} loc={loc} />;
    case 'evidence':
      return <EvidencePage loc={loc} />;
    case 'evidence-claim':
      return <EvidenceClaimPage key={r.key} claimKey={r.key} />;
    case 'claims':
      return <ClaimsPage loc={loc} />;
    case 'claim':
      return <ClaimPage key={r.key} claimKey={r.key} />;
    case 'conflicts':
      return <ConflictsPage loc={loc} />;
    case 'conflict':
      return <ConflictPage key={r.key} disputeKey={r.key} />;
    case 'timeline':
      return <TimelinePage loc={loc} />;
    case 'graph':
      return <GraphPage loc={loc} />;
    case 'citation-graph':
      return <CitationGraphPage loc={loc} />;
    case 'curation':
      return <CurationPage />;
    case 'settings':
      return <KeyValuePage key="settings" title="Settings" url="/-/settings.json" />;
    case 'status':
      return <KeyValuePage key="status" title="Status" url="/-/status.json" />;
    default:
      return <NotFound path={loc.path} />;
  }
}

function NotFound({ path }: { path: string }): VNode {
  useTitle('Not found');
  return (
    <div class="page">
      <div class="msg msg-error" role="alert">
        <strong class="msg-title">Not found</strong>
        <p>
          There is no page at <code>{path}</code>. Try <a href="/">searching</a> or the list of <a href="/sources">sources</a>.
        </p>
      </div>
    </div>
  );
}

export function App(): VNode {
  const loc = useLocation();
  const r = route(loc.path);
  const json = jsonHref(r, loc);
  const section = sectionOf(r);
  return (
    <>
      <a class="skip" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <header class="site-head">
        <div class="wrap head-bar">
          <a class="brand" href="/">
            Inquiry
          </a>
          <nav class="nav" aria-label="Main">
            <a href="/search" aria-current={section === 'search' ? 'page' : undefined}>
              Search
            </a>
            <a href="/sources" aria-current={section === 'sources' ? 'page' : undefined}>
              Sources
            </a>
            <a href="/entities" aria-current={section === 'entities' ? 'page' : undefined} data-testid="nav-entities">
              Entities
            </a>
            <a href="/timeline" aria-current={section === 'timeline' ? 'page' : undefined} data-testid="nav-timeline">
              Timeline
            </a>
            <a href="/claims" aria-current={section === 'claims' ? 'page' : undefined} data-testid="nav-claims">
              Claims
            </a>
            <a href="/conflicts" aria-current={section === 'conflicts' ? 'page' : undefined} data-testid="nav-conflicts">
              Conflicts
            </a>
            <a href="/reuse" aria-current={section === 'reuse' ? 'page' : undefined} data-testid="nav-reuse">
              Reuse
            </a>
            <a href="/works" aria-current={section === 'works' ? 'page' : undefined} data-testid="nav-works">
              Works
            </a>
            <a href="/evidence" aria-current={section === 'evidence' ? 'page' : undefined} data-testid="nav-evidence">
              Evidence
            </a>
            <a href="/graph" aria-current={section === 'graph' ? 'page' : undefined} data-testid="nav-graph">
              Graph
            </a>
            <a href="/curation" aria-current={section === 'curation' ? 'page' : undefined} data-testid="nav-curation">
              Curation
            </a>
          </nav>
          {json && (
            <a class="json-link" href={json} title="This page's data as JSON">
              JSON
            </a>
          )}
        </div>
        <div class="wrap">
          <p class="tagline">Inquiry reports what each source says and does not decide who is right.</p>
        </div>
      </header>
      <main id="main" class="wrap" tabIndex={-1}>
        <Page r={r} loc={loc} />
      </main>
      <footer class="site-foot wrap">
        <a href="/-/status">Status</a>
        <a href="/-/settings">Settings</a>
      </footer>
    </>
  );
}

/** The navigation entry a page belongs to (null: none). */
function sectionOf(r: Route): string | null {
  switch (r.name) {
    case 'search':
      return 'search';
    case 'sources':
    case 'reader':
      return 'sources';
    case 'entities':
    case 'entity':
      return 'entities';
    case 'timeline':
      return 'timeline';
    case 'claims':
    case 'claim':
      return 'claims';
    case 'conflicts':
    case 'conflict':
      return 'conflicts';
    case 'reuse':
    case 'family':
      return 'reuse';
    case 'works':
    case 'work':
      return 'works';
    case 'evidence':
    case 'evidence-claim':
      return 'evidence';
    case 'graph':
    case 'citation-graph':
      return 'graph';
    case 'curation':
      return 'curation';
    default:
      return null;
  }
}

function skipToMain(e: MouseEvent): void {
  e.preventDefault();
  document.getElementById('main')?.focus();
}
