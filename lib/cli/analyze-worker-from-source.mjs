// Starts the analyze worker from its TypeScript source when the CLI itself runs from source (tests,
// tsx): a worker thread does not inherit the parent's TypeScript loader, so it registers tsx first.
// The compiled CLI never loads this file: it runs dist/cli/analyze-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./analyze-worker.ts');
