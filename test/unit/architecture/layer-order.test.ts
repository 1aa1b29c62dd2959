import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readImportGraph, sourceFiles } from './import-graph.js';
import { findImportCycles, findLayerViolations, layerOf } from './layer-rules.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const layered = ['lib', 'functions', 'infra'];
const edges = readImportGraph(root, [...layered, 'web/src']);

describe('the layer order (docs/architecture.md, "Layers")', () => {
  it('reads the imports of the whole code base', () => {
    // A scanner that found nothing would pass every check below.
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({
      from: 'lib/store/feedback-store.ts',
      to: 'lib/model/feedback-record.ts',
      typeOnly: true,
    });
  });

  it('places every file of lib/, functions/ and infra/ in a layer', () => {
    const unplaced = layered
      .flatMap((dir) => sourceFiles(root, dir))
      .filter((file) => layerOf(file) === undefined);
    expect(unplaced).toEqual([]);
  });

  it('has no import that runs up the layers', () => {
    const violations = findLayerViolations(edges).map(
      ({ edge, reason }) => `${edge.from} -> ${edge.to}: ${reason}`,
    );
    expect(violations).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(findImportCycles(edges).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });
});
