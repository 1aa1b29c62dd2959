#!/usr/bin/env node
// Runs the compiled CLI in dist/ (built by `npm run build`, which `npm ci`, `npm start` and `npm test` run).

// The AWS SDK warns on Node 20 about releases after January 2027; the CLI talks to local emulators
// (or sends to SQS), and the deployed functions run on a newer runtime, so the notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.setSourceMapsEnabled(true);

let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/main.js'))
    throw error;
  process.stderr.write('closeloop: the CLI is not built yet: run "npm run build" (npm ci does it too)\n');
  process.exit(1);
}
process.exitCode = await cli.main(process.argv.slice(2));
