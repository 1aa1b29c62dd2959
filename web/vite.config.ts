import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The CX team's web app: Preact + uPlot, bundled into dist/web; it reads only the same-origin API. */
export default defineConfig({
  root,
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // One small app: a single JS file is simplest to serve and to measure.
    assetsInlineLimit: 0,
  },
  logLevel: 'warn',
});
