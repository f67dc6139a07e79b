/**
 * HTTP: the JSON API (every page has a JSON twin) and the built web app. Reads are GET;
 * the one write is curation (POST /api/curation), refused with 405 when read-only.
 * Errors come in one shape: { ok: false, error, errors, status }.
 * Tests call `buildApp(store).inject(...)`: no port is opened.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InquiryError, errorMessage } from '../core/errors.js';
import { ops } from '../ops/index.js';
import type { Store } from '../store/store.js';

export interface AppOptions {
  /** folder of the built web app (default: dist/web of this package) */
  webRoot?: string;
  /** refuse curation (POST) with 405 */
  readOnly?: boolean;
  logger?: boolean;
}

const HERE = dirname(fileURLToPath(import.meta.url));

export function defaultWebRoot(): string {
  // src/server or dist/server → <package>/dist/web
  return resolve(HERE, '..', '..', 'dist', 'web');
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

type Q = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
const many = (v: string | string[] | undefined): string[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
const flag = (v: string | string[] | undefined): boolean => {
  const s = one(v);
  return s !== undefined && s !== '0' && s !== 'false' && s !== 'no';
};
const num = (v: string | string[] | undefined, name: string): number | undefined => {
  const s = one(v);
  if (s === undefined || s === '') return undefined;
  const n = Number(s);
  if (!Number.isInteger(n)) throw new InquiryError(`${name} must be a whole number`, { code: 'bad_param' });
  return n;
};

export function buildApp(store: Store, opts: AppOptions = {}): FastifyInstance {
  const app = Fastify({ logger: opts.logger ?? false, routerOptions: { maxParamLength: 500 } });
  const webRoot = opts.webRoot ?? defaultWebRoot();

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Content-Security-Policy', CSP);
    return payload;
  });

  app.setErrorHandler((e: unknown, _req, reply) => sendError(reply, e));
  app.setNotFoundHandler((req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(reply, new InquiryError(`${req.method} is not allowed: this server is read-only`, { status: 405, code: 'method_not_allowed' }));
    }
    if (req.url.startsWith('/api/') || req.url.endsWith('.json') || req.url.includes('.json?')) {
      return sendError(reply, new InquiryError(`no such API route: ${req.url.split('?')[0]}`, { status: 404, code: 'not_found' }));
    }
    return serveStatic(req, reply, webRoot);
  });

  // ---------------- JSON API
  const searchRoute = async (req: FastifyRequest) => {
    const q = req.query as Q;
    const r = await ops.search(store, {
      q: one(q.q) ?? '',
      source: many(q.source),
      perspective: many(q.perspective),
      from: one(q.from) || undefined,
      to: one(q.to) || undefined,
      limit: num(q.limit, 'limit'),
      offset: num(q.offset, 'offset'),
      includeDuplicates: flag(q.includeDuplicates),
      spelling: (one(q.spelling) || undefined) as 'all' | 'exact' | undefined,
    });
    return { ok: true, ...r };
  };
  const sourcesRoute = async () => ({ ok: true, sources: await ops.sources(store) });
  const sourceRoute = async (req: FastifyRequest) => {
    const q = req.query as Q;
    const id = (req.params as { id: string }).id;
    const r = await ops.show(store, { id, range: one(q.range) || undefined, raw: flag(q.raw), q: one(q.q) });
    return { ok: true, ...r };
  };
  const passageRoute = async (req: FastifyRequest) => {
    const key = (req.params as { key: string }).key;
    const q = req.query as Q;
    return { ok: true, passage: await ops.passage(store, key, one(q.source)) };
  };
  const settingsRoute = async () => ({ ok: true, settings: ops.settings() });
  const statusRoute = async () => {
    const s = await ops.status(store);
    // the database path is the server's business, not the reader's
    return { ok: true, ...s, path: s.path.split(sep).pop() };
  };

  app.get('/api/search', searchRoute);
  app.get('/search.json', searchRoute);
  app.get('/api/sources', sourcesRoute);
  app.get('/sources.json', sourcesRoute);
  app.get('/api/sources/:id', sourceRoute);
  app.get('/api/passages/:key', passageRoute);
  app.get('/passages/:key.json', passageRoute);
  app.get('/-/settings.json', settingsRoute);
  app.get('/-/status.json', statusRoute);
  app.get('/api/status', statusRoute);
  app.get('/api', async () => ({
    ok: true,
    routes: [
      '/api/search', '/api/sources', '/api/sources/:id', '/api/sources/:id/mentions', '/api/passages/:key', '/api/entities', '/api/entities/:key', '/api/reuse', '/api/reuse/:key', '/api/sources/:id/reuse', '/api/quote', '/api/works', '/api/works/:key', '/api/evidence', '/api/evidence/:key', '/api/graph/citations', '/api/bibliography',
      '/api/claims', '/api/claims/:key', '/api/conflicts', '/api/conflicts/:key', '/api/dates', '/api/events', '/api/timeline', '/api/sources/:id/dates', '/api/sources/:id/claims',
      '/api/graph/entities', '/api/curation', 'POST /api/curation', '/api/curation/export', '/api/export/:kind', '/-/settings.json', '/-/status.json',
    ],
  }));
  // /sources/:id.json — the reader's twin (the id itself may contain dots)
  app.get('/sources/:file', async (req, reply) => {
    const file = (req.params as { file: string }).file;
    if (file.endsWith('.json')) {
      (req.params as { id: string }).id = file.slice(0, -5);
      return sourceRoute(req);
    }
    return serveStatic(req, reply, webRoot);
  });
  // ---------------- entities
  const entitiesRoute = async (req: FastifyRequest) => {
    const q = req.query as Q;
    return { ok: true, ...(await ops.entities(store, { type: one(q.type), q: one(q.q), limit: num(q.limit, 'limit'), offset: num(q.offset, 'offset'), sort: one(q.sort) })) };
  };
  const entityRoute = async (req: FastifyRequest, key: string) => {
    const q = req.query as Q;
    const { mentionList, mentions: mentionCount, ...e } = await ops.entity(store, key, { limit: num(q.limit, 'limit'), offset: num(q.offset, 'offset') });
    // "mentions" is the list here (the page shows them); the count is mentionCount / mentionsTotal
    return { ok: true, entity: { ...e, mentionCount, mentions: mentionList } };
  };
  const graphRoute = async (req: FastifyRequest) => {
    const q = req.query as Q;
    return { ok: true, ...(await ops.entityGraph(store, { type: one(q.type), minWeight: num(q.minWeight, 'minWeight'), limit: num(q.limit, 'limit') })) };
  };
  app.get('/api/entities', entitiesRoute);
  app.get('/entities.json', entitiesRoute);
  app.get('/api/entities/:key', (req) => entityRoute(req, (req.params as { key: string }).key));
  app.get('/entities/:file', async (req, reply) => {
    const file = (req.params as { file: string }).file;
    if (file.endsWith('.json')) return entityRoute(req, file.slice(0, -5));
    return serveStatic(req, reply, webRoot);
  });
  app.get('/api/graph/entities', graphRoute);
  app.get('/graph/entities.json', graphRoute);
  app.get('/api/sources/:id/mentions', async (req) => ({ ok: true, ...(await ops.sourceMentions(store, (req.params as { id: string }).id)) }));
  // ---------------- works and citations
  const worksRoute = async (req: FastifyRequest) => {
    const q = req.query as Q;
    return { ok: true, ...(await ops.works(store, { q: one(q.q), source: one(q.source), limit: one(q.limit), offset: one(q.offset) })) };
  };
  const workRoute = async (key: string) => ({ ok: true, ...(await ops.work(store, key)) });
  app.get('/api/works', worksRoute);
  app.get('/works.json', worksRoute);
  app.get('/api/works/:key', (req) => workRoute((req.params as { key: string }).key));
  app.get('/works/:file', async (req, reply) => {
    const file = (req.params as { file: string }).file;
    if (file.endsWith('.json')) return workRoute(file.slice(0, -5));
    return serveStatic(req, reply, webRoot);
  });
  const evidenceRoute = async (req: FastifyRequest) => {
    const q = req.query as Q;
    return { ok: true, ...(await ops.evidence(store, { q: one(q.q), source: one(q.source), limit: one(q.limit), offset: one(q.offset) })) };
  };
  const evidenceClaimRoute = async (key: string) => ({ ok: true, ...(await ops.evidenceClaim(store, key)) });
  app.get('/api/evidence', evidenceRoute);
  app.get('/evidence.json', evidenceRoute);
  app.get('/api/evidence/:key', (req) => evidenceClaimRoute((req.params as { key: string }).key));
  app.get('/evidence/:file', async (req, reply) => {
    const file = (req.params as { file: string }).file;
    if (file.endsWith('.json')) return evidenceClaimRoute(file.slice(0, -5));
    return serveStatic(req, reply, webRoot);
  });
  // ---------------- checkable claims, conflicts, dates, events, timeline
  const claimsRoute = async (req: FastifyRequest) => {
    const q = req.query as Q;
    return { ok: true, ...(await ops.claims(store, { predicate: one(q.predicate), subject: one(q.subject), source: one(q.source), relation: one(q.relation), q: one(q.q), limit: one(q.limit), offset: one(q.offset) })) };
  };
  const claimRoute = async (key: string) => ({ ok: true, ...(await ops.claim(store, key)) });
  app.get('/api/claims', claimsRoute);
  app.get('/claims.json', claimsRoute);
  app.get('/api/claims/:key', (req) => claimRoute((req.params as { key: string }).key));
  app.get('/claims/:file', async (req, reply) => {
    const file = (req.params as { file: string }).file;
    if (file.endsWith('.json')) return claimRoute(file.slice(0, -5));
    return serveStatic(req, reply, webRoot);
  });
  const conflictsRoute = async (req: FastifyRequest) => {
    const q = req.query as Q;
    return { ok: true, ...(await ops.conflicts(store, { predicate: one(q.predicate), source: one(q.source), q: one(q.q), limit: one(q.limit), offset: one(q.offset) })) };
  };
  const conflictRoute = async (key: string) => ({ ok: true, ...(await ops.conflict(store, key)) });
  app.get('/api/conflicts', conflictsRoute);
  app.get('/conflicts.json', conflictsRoute);
  app.get('/api/conflicts/:key', (req) => conflictRoute((req.params as { key: string }).key));
  app.get('/conflicts/:file', async (req, reply) => {
    const file = (req.params as { file: string }).file;
    if (file.endsWith('.json')) return conflictRoute(file.slice(0, -5));
    return serveStatic(req, reply, webRoot);
  });
  const datesRoute = async (req: FastifyRequest) => {
    const q = req.query as Q;
    return { ok: true, ...(await ops.dates(store, { source: one(q.source), from: one(q.from), to: one(q.to), limit: one(q.limit), offset: one(q.offset) })) };
  };
  app.get('/api/dates', datesRoute);
  app.get('/dates.json', datesRoute);
  const eventsRoute = async (req: FastifyRequest) => {
    const q = req.query as Q;
    return { ok: true, ...(await ops.events(store, { source: one(q.source), from: one(q.from), to: one(q.to), trigger: one(q.trigger), conflict: one(q.conflict), group: one(q.group), limit: one(q.limit), offset: one(q.offset) })) };
  };
  app.get('/api/events', eventsRoute);
  app.get('/events.json', eventsRoute);
  const timelineRoute = async (req: FastifyRequest) => {
    const q = req.query as Q;
    return { ok: true, ...(await ops.timeline(store, { by: one(q.by), from: one(q.from), to: one(q.to), trigger: one(q.trigger) })) };
  };
  app.get('/api/timeline', timelineRoute);
  app.get('/timeline.json', timelineRoute);
  app.get('/api/sources/:id/dates', async (req) => ({ ok: true, ...(await ops.sourceDates(store, (req.params as { id: string }).id)) }));
  app.get('/api/sources/:id/claims', async (req) => ({ ok: true, ...(await ops.sourceClaims(store, (req.params as { id: string }).id)) }));
  const citationGraphRoute = async () => ({ ok: true, ...(await ops.citationGraph(store)) });
  app.get('/api/graph/citations', citationGraphRoute);
  app.get('/graph/citations.json', citationGraphRoute);
  app.get('/api/bibliography', async (req) => {
    const q = req.query as Q;
    return { ok: true, ...(await ops.bibliography(store, { source: one(q.source), style: one(q.style), format: one(q.format) === 'html' ? 'html' : 'text' })) };
  });
  // ---------------- reuse
  const reuseRoute = async (req: FastifyRequest) => {
    const q = req.query as Q;
    return { ok: true, ...(await ops.reuse(store, { kind: one(q.kind), crossDoc: one(q.crossDoc), minWords: one(q.minWords), severity: one(q.severity), source: one(q.source), limit: one(q.limit), offset: one(q.offset) })) };
  };
  const familyRoute = async (key: string) => ({ ok: true, ...(await ops.reuseFamily(store, key)) });
  app.get('/api/reuse', reuseRoute);
  app.get('/reuse.json', reuseRoute);
  app.get('/api/reuse/:key', (req) => familyRoute((req.params as { key: string }).key));
  app.get('/reuse/:file', async (req, reply) => {
    const file = (req.params as { file: string }).file;
    if (file.endsWith('.json')) return familyRoute(file.slice(0, -5));
    return serveStatic(req, reply, webRoot);
  });
  app.get('/api/sources/:id/reuse', async (req) => ({ ok: true, ...(await ops.sourceReuse(store, (req.params as { id: string }).id)) }));
  app.get('/api/quote', async (req) => {
    const q = req.query as Q;
    return { ok: true, ...(await ops.quote(store, { text: one(q.text), from: one(q.from), range: one(q.range), minWords: one(q.minWords) })) };
  });
  app.get('/api/curation', async () => ({ ok: true, entries: await ops.curationLog(store) }));
  app.get('/curation.json', async () => ({ ok: true, entries: await ops.curationLog(store) }));
  app.get('/api/curation/export', async (_req, reply) => {
    reply.header('Content-Disposition', 'attachment; filename="inquiry-curation.json"');
    return ops.exportCuration(store);
  });
  app.post('/api/curation', async (req) => {
    if (opts.readOnly ?? store.readonly) throw new InquiryError('POST is not allowed: this server is read-only', { status: 405, code: 'method_not_allowed' });
    const body = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new InquiryError('the body must be a JSON object with an "action"', { code: 'bad_curation' });
    return { ok: true, ...(await ops.curate(store, body as Record<string, unknown>)) };
  });

  app.get('/api/export/:kind', async (req, reply) => {
    const q = req.query as Q;
    const kind = (req.params as { kind: string }).kind;
    const { contentType, chunks } = ops.export(store, {
      kind,
      format: one(q.format) ?? (kind === 'network' || kind === 'citation-graph' ? 'graphml' : 'jsonl'),
      type: one(q.type) || undefined,
      minWeight: num(q.minWeight, 'minWeight'),
      includeText: flag(q.includeText),
      source: many(q.source),
      includeDuplicates: q.includeDuplicates === undefined ? true : flag(q.includeDuplicates),
      key: one(q.key) || undefined,
    });
    let body = '';
    for await (const c of chunks) body += c;
    reply.header('Content-Type', contentType);
    return reply.send(body);
  });

  return app;
}

function sendError(reply: FastifyReply, e: unknown): FastifyReply {
  let status = 500;
  let errors: string[] = [];
  if (e instanceof InquiryError) {
    status = e.status;
    errors = e.details;
  } else if (typeof (e as { statusCode?: unknown }).statusCode === 'number') {
    status = (e as { statusCode: number }).statusCode;
  }
  return reply.status(status).header('Content-Type', 'application/json; charset=utf-8').send({ ok: false, error: errorMessage(e), errors, status });
}

/** The built app's files; any other GET is a page route, answered by index.html. */
function serveStatic(req: FastifyRequest, reply: FastifyReply, root: string): FastifyReply {
  const urlPath = decodeURIComponent(req.url.split('?')[0] ?? '/');
  const rel = normalize(urlPath).replace(/^([/\\])+/, '');
  const file = join(root, rel);
  if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile() && rel.startsWith('assets' + sep)) {
    reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    return reply.type(MIME[extname(file)] ?? 'application/octet-stream').send(readFileSync(file));
  }
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    return sendError(reply, new InquiryError(`the web app is not built (no ${index}): run "npm run build"`, { status: 503, code: 'no_web_build' }));
  }
  if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) {
    return reply.type(MIME[extname(file)] ?? 'application/octet-stream').send(readFileSync(file));
  }
  reply.header('Cache-Control', 'no-cache');
  return reply.type('text/html; charset=utf-8').send(readFileSync(index));
}

export async function startServer(store: Store, o: { host: string; port: number; webRoot?: string; readOnly?: boolean }): Promise<{ url: string; close: () => Promise<void>; app: FastifyInstance }> {
  const app = buildApp(store, { webRoot: o.webRoot, readOnly: o.readOnly });
  await app.listen({ host: o.host, port: o.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : o.port;
  const hostForUrl = o.host.includes(':') ? `[${o.host}]` : o.host;
  return { url: `http://${hostForUrl}:${port}/`, close: () => app.close(), app };
}
