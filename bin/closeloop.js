#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx closeloop` always runs the code in the tree: no build step.
import { register } from 'tsx/esm/api';

// The AWS SDK warns on Node 20 about releases after January 2027; the CLI talks to local emulators
// (or sends to SQS), and the deployed functions run on a newer runtime, so the notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../lib/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
