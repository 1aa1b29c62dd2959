import { type Stack, Validations } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/**
 * cdk-nag AwsSolutions findings closeloop accepts, each with its reason; anything else fails synth.
 * Findings are acknowledged by their exact id, so a new kind of finding is never hidden.
 */
export function acknowledgeNagFindings(stack: Stack, failedAlerts: Construct): void {
  const validations = Validations.of(stack);
  validations.acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      'The functions write their own logs through the CDK default AWSLambdaBasicExecutionRole; all data access is granted by least-privilege grant methods.',
  });
  validations.acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
    reason:
      'X-Ray tracing (PutTraceSegments, PutTelemetryRecords) does not support resource-level permissions.',
  });
  validations.acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::<StoreTable0CCFA19B.Arn>/index/*]',
    reason: "The table grant covers the feedback table's own GSIs (the follow-up queues), nothing else.",
  });
  validations.acknowledge({
    id: 'AwsSolutions::AwsSolutions-SMG4',
    reason:
      'The follow-up API cursor signing key only makes page cursors tamper-evident; rotating it would merely invalidate open pages.',
  });
  Validations.of(failedAlerts).acknowledge({
    id: 'AwsSolutions::AwsSolutions-SQS3',
    reason: "This queue is itself the dead-letter destination of the alert function's stream event source.",
  });
}
