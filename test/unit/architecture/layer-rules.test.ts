import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ImportEdge, importsOf } from './import-graph.js';
import { findImportCycles, findLayerViolations, layerOf } from './layer-rules.js';

const edge = (from: string, to: string, typeOnly = false): ImportEdge => ({ from, to, typeOnly });

describe('findLayerViolations', () => {
  it.each([
    { from: 'lib/store/feedback-store.ts', to: 'lib/alerts/detractor-alert.ts', upward: true },
    { from: 'lib/store/feedback-store.ts', to: 'lib/followup/follow-up-state.ts', upward: true },
    { from: 'lib/model/feedback-record.ts', to: 'lib/store/table-keys.ts', upward: true },
    { from: 'lib/analysis/score-sentiment.ts', to: 'lib/model/calendar.ts', upward: true },
    { from: 'lib/ingest/ingest-feedback.ts', to: 'functions/ingest/index.ts', upward: true },
    { from: 'functions/api/api-router.ts', to: 'lib/cli/main.ts', upward: true },
    { from: 'lib/feedback/feedback-message.ts', to: 'lib/analysis/score-sentiment.ts', upward: true },
    { from: 'lib/feedback/feedback-message.ts', to: 'lib/analysis/text/redact-pii.ts', upward: false },
    { from: 'lib/alerts/detractor-alert.ts', to: 'lib/store/feedback-store.ts', upward: false },
    { from: 'lib/reports/nps-trend.ts', to: 'lib/model/segment-dimensions.ts', upward: false },
    { from: 'lib/alerts/deliver-alert.ts', to: 'lib/followup/inbox.ts', upward: false },
    { from: 'lib/cli/main.ts', to: 'lib/local/local-stack.ts', upward: false },
    { from: 'infra/constructs/feedback-table.ts', to: 'lib/store/feedback-table.ts', upward: false },
  ])('$from -> $to is upward: $upward', ({ from, to, upward }) => {
    expect(findLayerViolations([edge(from, to)]).length).toBe(upward ? 1 : 0);
  });

  it('counts a type-only import like any other (a type can close a circle too)', () => {
    const [violation] = findLayerViolations([edge('lib/store/feedback-store.ts', 'lib/alerts/x.ts', true)]);
    expect(violation?.reason).toBe('store imports from the higher layer use cases');
  });

  it('lets the web app import types from lib/model and nothing else', () => {
    expect(findLayerViolations([edge('web/src/api.ts', 'lib/model/feedback-record.ts', true)])).toEqual([]);
    expect(findLayerViolations([edge('web/src/api.ts', 'web/src/format.ts')])).toEqual([]);
    expect(findLayerViolations([edge('web/src/api.ts', 'lib/model/calendar.ts')])).toHaveLength(1);
    expect(findLayerViolations([edge('web/src/api.ts', 'lib/store/table-keys.ts', true)])).toHaveLength(1);
  });

  it('refuses an import of a file that is in no layer', () => {
    const [violation] = findLayerViolations([edge('lib/store/a.ts', 'lib/newfolder/b.ts')]);
    expect(violation?.reason).toBe('lib/newfolder/b.ts is in no layer');
    expect(layerOf('lib/newfolder/b.ts')).toBeUndefined();
  });
});

describe('findImportCycles', () => {
  it('finds a circle of two files and one of three, each once', () => {
    const cycles = findImportCycles([
      edge('lib/store/feedback-store.ts', 'lib/alerts/detractor-alert.ts', true),
      edge('lib/alerts/detractor-alert.ts', 'lib/store/feedback-store.ts', true),
      edge('a.ts', 'b.ts'),
      edge('b.ts', 'c.ts'),
      edge('c.ts', 'a.ts'),
      edge('c.ts', 'd.ts'),
    ]);
    expect(cycles.map((cycle) => [...new Set(cycle)].sort())).toEqual([
      ['a.ts', 'b.ts', 'c.ts'],
      ['lib/alerts/detractor-alert.ts', 'lib/store/feedback-store.ts'],
    ]);
  });

  it('finds a file that imports itself and nothing in a graph without circles', () => {
    expect(findImportCycles([edge('a.ts', 'a.ts')])).toEqual([['a.ts', 'a.ts']]);
    expect(findImportCycles([edge('a.ts', 'b.ts'), edge('a.ts', 'c.ts'), edge('b.ts', 'c.ts')])).toEqual([]);
  });
});

describe('importsOf', () => {
  const root = mkdtempSync(join(tmpdir(), 'closeloop-imports-'));
  mkdirSync(join(root, 'lib/store'), { recursive: true });
  mkdirSync(join(root, 'lib/model'), { recursive: true });
  for (const file of [
    'lib/model/a.ts',
    'lib/model/b.ts',
    'lib/store/c.ts',
    'lib/store/d.ts',
    'lib/store/e.ts',
  ]) {
    writeFileSync(join(root, file), '');
  }
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads static, multi-line, type-only, re-export, side-effect and dynamic imports; skips packages', () => {
    const text = [
      "import { z } from 'zod';",
      "import type { A } from '../model/a.js';",
      'import {',
      '  type B,',
      '  makeB,',
      "} from '../model/b.js';",
      "export { c } from './c.js';",
      "import './d.js';",
      "const e = await import('./e.js');",
    ].join('\n');
    expect(importsOf(root, 'lib/store/x.ts', text)).toEqual([
      edge('lib/store/x.ts', 'lib/model/a.ts', true),
      edge('lib/store/x.ts', 'lib/model/b.ts'),
      edge('lib/store/x.ts', 'lib/store/c.ts'),
      edge('lib/store/x.ts', 'lib/store/d.ts'),
      edge('lib/store/x.ts', 'lib/store/e.ts'),
    ]);
  });
});
