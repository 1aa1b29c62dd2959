import { fileURLToPath } from 'node:url';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface CloseloopFunctionProps {
  /** Handler file under `functions/`, e.g. `ingest/index.ts`. */
  entry: string;
  description: string;
  environment: Record<string, string>;
  timeout: Duration;
  memorySize?: number;
  production: boolean;
  /** Files copied next to the bundle (target name -> path in the project), read at run time. */
  extraFiles?: Record<string, string>;
}

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A closeloop Lambda function as every one is built: bundled by the local esbuild (no Docker) into one
 * ESM file, ARM64 on the newest Node.js runtime, its own log group with a retention, X-Ray tracing.
 */
export class CloseloopFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: CloseloopFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.production ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_MONTH,
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.function = new NodejsFunction(this, 'Function', {
      entry: `${projectRoot}functions/${props.entry}`,
      projectRoot,
      depsLockFilePath: `${projectRoot}package-lock.json`,
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout,
      tracing: Tracing.ACTIVE,
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        // CommonJS dependencies (natural's stemmer) need `require` inside an ESM bundle.
        banner:
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        // The AWS SDK is bundled, not taken from the runtime: one tree-shaken file imports in about half
        // the time of the runtime's hundreds of SDK modules (`npm run bench:lambda`), and the version
        // deployed is the one the tests ran against.
        externalModules: [],
        ...(props.extraFiles && {
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (_input: string, outputDir: string) =>
              Object.entries(props.extraFiles ?? {}).map(
                ([target, source]) => `cp "${projectRoot}${source}" "${outputDir}/${target}"`,
              ),
          },
        }),
      },
    });
  }
}
