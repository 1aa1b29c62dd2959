import { join } from 'node:path';
import { buildCloseloopApp } from '../closeloop-app.js';

const { app, stack } = buildCloseloopApp();
const assembly = app.synth();
process.stderr.write(
  `closeloop: template for ${stack.stackName} written to ${join(assembly.directory, stack.templateFile)}\n`,
);
