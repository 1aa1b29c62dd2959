import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CloseloopStack } from './closeloop-stack.js';
import { loadStageConfig } from './config/stage-config.js';
import { acknowledgeNagFindings } from './nag-acknowledgements.js';

/**
 * The CDK app: one closeloop stack for the stage chosen with `-c stage=<name>`, configured from the
 * `closeloop:stages` context, checked by cdk-nag's AwsSolutions rules on every synth.
 */
export function buildCloseloopApp(props: AppProps = {}): { app: App; stack: CloseloopStack } {
  const app = new App(props);
  const stage = app.node.tryGetContext('stage') as string | undefined;
  const config = loadStageConfig(app.node.tryGetContext('closeloop:stages'), stage);
  const stack = new CloseloopStack(app, `closeloop-${stage}`, {
    stage: stage as string,
    config,
    env: { region: config.region, ...(config.account && { account: config.account }) },
    description: `closeloop customer feedback pipeline (${stage})`,
    terminationProtection: config.production,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  acknowledgeNagFindings(
    stack,
    stack.failedAlerts,
    stack.teamAuth && stack.webHosting && { teamAuth: stack.teamAuth, webHosting: stack.webHosting },
  );
  return { app, stack };
}
