/**
 * Bibliographic formats through citation-js: CSL-JSON, BibTeX, RIS, and formatted
 * bibliographies (Chicago author-date from the CSL project's style, APA, Harvard).
 *
 * citation-js's RIS output drops the authors and date of newspaper articles
 * (`article-newspaper`); those items are written as magazine articles and their type line
 * set back to NEWS.
 */
import { createRequire } from 'node:module';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import type { CslItem } from '../analyze/citations/parse.js';

export type CslWithId = CslItem & { id: string };

interface XmlNode {
  name: string;
  attrs?: Record<string, string>;
  children?: Array<XmlNode | string>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** the CSL project's style, shipped as a JSON tree by style-chicago, written back as CSL XML */
function toXml(n: XmlNode | string): string {
  if (typeof n === 'string') return esc(n);
  const attrs = Object.entries(n.attrs ?? {})
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('');
  const kids = (n.children ?? []).map(toXml).join('');
  return kids ? `<${n.name}${attrs}>${kids}</${n.name}>` : `<${n.name}${attrs}/>`;
}

let registered = false;
function registerStyles(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  const chicago = require('style-chicago') as XmlNode;
  const config = plugins.config.get('@csl') as { styles: { add(name: string, xml: string): void } };
  config.styles.add('chicago-author-date', '<?xml version="1.0" encoding="utf-8"?>' + toXml(chicago));
  registered = true;
}

export const BIB_STYLES = ['chicago-author-date', 'apa', 'harvard1'] as const;

export function toBibtex(items: CslWithId[]): string {
  return new Cite(items).format('bibtex') as string;
}

export function toRis(items: CslWithId[]): string {
  // records are written in order, one per item, each ending "ER  - "; citation-js shortens
  // long IDs, so records are matched by position
  const patched = items.map((i) => (i.type === 'article-newspaper' ? { ...i, type: 'article-magazine' } : i));
  const ris = new Cite(patched).format('ris') as string;
  if (!items.some((i) => i.type === 'article-newspaper')) return ris;
  const recs = ris.split(/(?<=ER {2}- ?(?:\r?\n|$))/);
  let k = 0;
  return recs
    .map((rec) => {
      if (!/TY {2}- /.test(rec)) return rec;
      const item = items[k++];
      return item?.type === 'article-newspaper' ? rec.replace(/TY {2}- \w+/, 'TY  - NEWS') : rec;
    })
    .join('');
}

export function toBibliography(items: CslWithId[], style: string, format: 'text' | 'html' = 'text'): string {
  if (!(BIB_STYLES as readonly string[]).includes(style)) throw new Error(`unknown style "${style}": choose one of ${BIB_STYLES.join(', ')}`);
  registerStyles();
  return new Cite(items).format('bibliography', { format, template: style, lang: 'en-US' }) as string;
}
