/** A tiny pushState router: one location store, navigate(), useLocation() and link interception. */
import { useEffect, useState } from 'preact/hooks';

export interface Loc {
  /** pathname without a trailing slash (except '/') */
  path: string;
  /** '?…' or '' */
  search: string;
  /** '#…' or '' */
  hash: string;
  params: URLSearchParams;
  /** increases on every navigation, even to the same URL (so effects can re-run, e.g. re-scroll to the hash) */
  n: number;
}

let counter = 0;

function read(): Loc {
  const { pathname, search, hash } = window.location;
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') || '/' : pathname;
  return { path, search, hash, params: new URLSearchParams(search), n: ++counter };
}

let current: Loc = read();
const listeners = new Set<(l: Loc) => void>();

function publish(): void {
  current = read();
  for (const fn of listeners) fn(current);
}

export function getLocation(): Loc {
  return current;
}

export interface NavigateOptions {
  replace?: boolean;
}

/** Go to an in-app URL. Same-URL navigations replace instead of stacking history entries. */
export function navigate(href: string, opts: NavigateOptions = {}): void {
  const url = new URL(href, window.location.href);
  const before = window.location;
  const samePage = url.pathname === before.pathname && url.search === before.search;
  if (opts.replace || url.href === before.href) window.history.replaceState(null, '', url.href);
  else window.history.pushState(null, '', url.href);
  // a new page starts at the top; pages that have a target (the reader's #p-…) scroll to it once loaded
  if (!samePage) window.scrollTo(0, 0);
  publish();
}

export function useLocation(): Loc {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    listeners.add(setLoc);
    if (current !== loc) setLoc(current);
    return () => {
      listeners.delete(setLoc);
    };
  }, []);
  return loc;
}

/** Paths the app renders itself; everything else (the API, JSON twins) goes to the server. */
export function isAppPath(path: string): boolean {
  if (path.endsWith('.json') || path === '/api' || path.startsWith('/api/')) return false;
  return (
    /^\/(search|sources|entities|graph|graph\/citations|curation|reuse|works|evidence|claims|conflicts|timeline|-\/settings|-\/status)?\/?$/.test(path) ||
    /^\/(sources|passages|entities|reuse|works|evidence|claims|conflicts)\/[^/]+\/?$/.test(path)
  );
}

function onClick(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const target = e.target;
  if (!(target instanceof Element)) return;
  const a = target.closest('a');
  if (!a || !a.href || (a.target && a.target !== '_self') || a.hasAttribute('download')) return;
  if (a.getAttribute('rel')?.includes('external')) return;
  const url = new URL(a.href, window.location.href);
  if (url.origin !== window.location.origin || !isAppPath(url.pathname)) return;
  e.preventDefault();
  navigate(url.href);
}

let started = false;

/** Install the popstate listener and the document-wide link interception (once). */
export function startRouter(): void {
  if (started) return;
  started = true;
  window.addEventListener('popstate', publish);
  document.addEventListener('click', onClick);
}
