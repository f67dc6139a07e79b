/**
 * Graph exchange formats: GraphML (graphml.graphdrawing.org) and GEXF 1.3 (gexf.net), for
 * Gephi, Cytoscape, yEd and NetworkX. Pure string builders, streamed a line at a time.
 */

export interface GraphNode {
  id: string;
  label: string;
  attrs: Record<string, string | number | boolean>;
}

export interface GraphEdge {
  source: string;
  target: string;
  weight: number;
}

export function xmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

type AttrType = 'string' | 'int' | 'double' | 'boolean';

function attrTypes(nodes: GraphNode[]): Array<[string, AttrType]> {
  const types = new Map<string, AttrType>();
  for (const n of nodes) {
    for (const [k, v] of Object.entries(n.attrs)) {
      const t: AttrType = typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'double') : 'string';
      const prev = types.get(k);
      types.set(k, prev && prev !== t ? (prev === 'int' && t === 'double' ? 'double' : 'string') : t);
    }
  }
  return [...types];
}

export function* graphml(nodes: GraphNode[], edges: GraphEdge[], opts: { directed?: boolean } = {}): Iterable<string> {
  const types = attrTypes(nodes);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  yield '  <key id="label" for="node" attr.name="label" attr.type="string"/>\n';
  for (const [k, t] of types) yield `  <key id="n_${xmlEscape(k)}" for="node" attr.name="${xmlEscape(k)}" attr.type="${t}"/>\n`;
  yield '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>\n';
  yield `  <graph id="G" edgedefault="${opts.directed ? 'directed' : 'undirected'}">\n`;
  for (const n of nodes) {
    let s = `    <node id="${xmlEscape(n.id)}"><data key="label">${xmlEscape(n.label)}</data>`;
    for (const [k] of types) if (n.attrs[k] !== undefined) s += `<data key="n_${xmlEscape(k)}">${xmlEscape(String(n.attrs[k]))}</data>`;
    yield s + '</node>\n';
  }
  let i = 0;
  for (const e of edges) yield `    <edge id="e${i++}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}"><data key="weight">${e.weight}</data></edge>\n`;
  yield '  </graph>\n</graphml>\n';
}

export function* gexf(nodes: GraphNode[], edges: GraphEdge[], opts: { directed?: boolean; description?: string } = {}): Iterable<string> {
  const types = attrTypes(nodes);
  const gexfType = (t: AttrType) => (t === 'int' ? 'integer' : t);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n';
  yield `  <meta><creator>Inquiry</creator><description>${xmlEscape(opts.description ?? '')}</description></meta>\n`;
  yield `  <graph mode="static" defaultedgetype="${opts.directed ? 'directed' : 'undirected'}">\n`;
  yield '    <attributes class="node">\n';
  for (let i = 0; i < types.length; i++) {
    const [k, t] = types[i]!;
    yield `      <attribute id="${i}" title="${xmlEscape(k)}" type="${gexfType(t)}"/>\n`;
  }
  yield '    </attributes>\n    <nodes>\n';
  for (const n of nodes) {
    let s = `      <node id="${xmlEscape(n.id)}" label="${xmlEscape(n.label)}"><attvalues>`;
    types.forEach(([k], i) => {
      if (n.attrs[k] !== undefined) s += `<attvalue for="${i}" value="${xmlEscape(String(n.attrs[k]))}"/>`;
    });
    yield s + '</attvalues></node>\n';
  }
  yield '    </nodes>\n    <edges>\n';
  let i = 0;
  for (const e of edges) yield `      <edge id="${i++}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}" weight="${e.weight}"/>\n`;
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
