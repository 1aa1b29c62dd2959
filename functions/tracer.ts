import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * One X-Ray tracer per function (service name from `POWERTOOLS_SERVICE_NAME`, set by the CDK
 * construct). Lambda's active tracing alone shows the invocation only; wrapping each AWS SDK client
 * makes every DynamoDB, SQS, SNS, EventBridge and Secrets Manager call its own subsegment. Outside
 * Lambda (tests, serve-local) the tracer is disabled and the client is returned as it is.
 */
export const tracer = new Tracer();

/** The client with its calls traced. */
export function traced<T>(client: T): T {
  return tracer.captureAWSv3Client(client);
}
