import type { ImportEdge } from './import-graph.js';

/**
 * The layers, lowest first (docs/architecture.md, "Layers"). A file may import from its own layer or a
 * lower one, never from a higher one. Each layer lists path prefixes (the longest matching one wins) or
 * patterns (a match wins over any prefix).
 */
export const LAYERS: ReadonlyArray<{ name: string; paths: ReadonlyArray<string | RegExp> }> = [
  // The redaction gate sits below the message schema, which refuses ids that hold personal data.
  {
    name: 'redaction',
    paths: [
      /^lib\/analysis\/(?:[^/]+\/)*(?:redact-pii|pii-view|word-identifiers|given-names|bare-given-names|front-coding|labelled-identifiers|spoken-numbers|text-marks|character-codes|afinn-165|packed-data)\.ts$/,
      // The list of given names that bare-given-names reads, and AFINN, whose words given-names says are
      // no names.
      /^lib\/analysis\/privacy\/given-name-list\.json$/,
      /^lib\/analysis\/lexicon\/afinn-165\.json$/,
    ],
  },
  { name: 'feedback', paths: ['lib/feedback/'] },
  { name: 'analysis', paths: ['lib/analysis/'] },
  { name: 'model', paths: ['lib/model/'] },
  { name: 'store', paths: ['lib/store/'] },
  {
    name: 'use cases',
    paths: [
      'lib/ingest/',
      'lib/followup/',
      'lib/reports/',
      'lib/alerts/',
      'lib/webhooks/',
      'lib/import/',
      'lib/queue/',
    ],
  },
  { name: 'handlers and local stack', paths: ['functions/', 'lib/local/'] },
  { name: 'cli and infrastructure', paths: ['lib/cli/', 'infra/'] },
];

/** The web app talks to the API over HTTP; from the code it may take only types of the shared model. */
export const WEB_APP = 'web/';
export const WEB_APP_MAY_IMPORT_TYPES_FROM = 'lib/model/';

export interface LayerViolation {
  edge: ImportEdge;
  reason: string;
}

/** The index of the layer a file belongs to, or undefined for a file outside every layer. */
export function layerOf(file: string): number | undefined {
  let best: { index: number; length: number } | undefined;
  LAYERS.forEach((layer, index) => {
    for (const path of layer.paths) {
      const length =
        typeof path === 'string'
          ? file.startsWith(path)
            ? path.length
            : -1
          : path.test(file)
            ? Infinity
            : -1;
      if (length >= 0 && (!best || length > best.length)) best = { index, length };
    }
  });
  return best?.index;
}

/** Imports that run up the layers, and web app imports of anything but model types. */
export function findLayerViolations(edges: readonly ImportEdge[]): LayerViolation[] {
  const violations: LayerViolation[] = [];
  for (const edge of edges) {
    if (edge.from.startsWith(WEB_APP)) {
      if (edge.to.startsWith(WEB_APP)) continue;
      if (!(edge.typeOnly && edge.to.startsWith(WEB_APP_MAY_IMPORT_TYPES_FROM))) {
        violations.push({ edge, reason: 'the web app may import only types from lib/model' });
      }
      continue;
    }
    const from = layerOf(edge.from);
    const to = layerOf(edge.to);
    if (from === undefined) continue;
    if (to === undefined) {
      violations.push({ edge, reason: `${edge.to} is in no layer` });
    } else if (to > from) {
      const [lower, higher] = [LAYERS[from]?.name, LAYERS[to]?.name];
      violations.push({ edge, reason: `${lower} imports from the higher layer ${higher}` });
    }
  }
  return violations;
}

/** Every import cycle between files, each once, as the list of files around it (first file repeated at the end). */
export function findImportCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  // Tarjan's strongly connected components: a component of more than one file (or a file importing itself) is a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const target of next.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) as number, index.get(target) as number));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || next.get(file)?.includes(file)) {
        cycles.push([...component.reverse(), component[0] as string]);
      }
    }
  };
  for (const file of [...next.keys()].sort()) if (!index.has(file)) visit(file);
  return cycles;
}
