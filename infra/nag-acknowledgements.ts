import { type CfnResource, type Stack, Validations } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { TeamAuth } from './constructs/team-auth.js';
import type { WebHosting } from './constructs/web-hosting.js';

/** The parts of the deployed web app with findings to acknowledge, when the stage deploys it. */
export interface WebAppNagScope {
  teamAuth: TeamAuth;
  webHosting: WebHosting;
}

/**
 * cdk-nag AwsSolutions findings closeloop accepts, each with its reason; anything else fails synth.
 * Findings are acknowledged by their exact id, so a new kind of finding is never hidden.
 */
export function acknowledgeNagFindings(stack: Stack, failedAlerts: Construct, webApp?: WebAppNagScope): void {
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
  if (webApp) acknowledgeWebAppFindings(stack, webApp);
}

/** The web app's findings: the distribution, the user pool and CDK's own bucket deployment function. */
function acknowledgeWebAppFindings(stack: Stack, { teamAuth, webHosting }: WebAppNagScope): void {
  const distribution = Validations.of(webHosting.distribution);
  distribution.acknowledge({
    id: 'AwsSolutions::AwsSolutions-CFR1',
    reason:
      'The CX team works from anywhere; every data request needs a signed-in user of the invite-only pool.',
  });
  distribution.acknowledge({
    id: 'AwsSolutions::AwsSolutions-CFR2',
    reason:
      'No WAF web ACL (a us-east-1 resource, ~$6 a month and up): the app files are public by design, every /api call needs a Cognito JWT checked by API Gateway, which throttles the stage.',
  });
  distribution.acknowledge({
    id: 'AwsSolutions::AwsSolutions-CFR3',
    reason:
      "CloudFront logs would keep every URL's query string, and the app's API queries carry search words and customer ids (personal data); API Gateway's access logs record each API call and S3 server access logs each file read.",
  });
  distribution.acknowledge({
    id: 'AwsSolutions::AwsSolutions-CFR4',
    reason:
      "The distribution uses CloudFront's default *.cloudfront.net certificate, whose minimum viewer protocol CloudFront fixes; a custom domain with its ACM certificate is not configured.",
  });
  Validations.of(teamAuth.userPool).acknowledge({
    id: 'AwsSolutions::AwsSolutions-COG8',
    reason:
      'Essentials tier: an invite-only pool of a few team members with MFA required by default; Plus (threat protection) costs per active user and can be switched on per stage later.',
  });
  // CDK's bucket deployment function (one per stack) copies the built app from the CDK asset bucket.
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
    const deployment = Validations.of(child);
    for (const permission of [
      'Action::s3:GetObject*',
      'Action::s3:GetBucket*',
      'Action::s3:List*',
      'Action::s3:DeleteObject*',
      'Action::s3:Abort*',
      `Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}/*`,
      `Resource::<${stack.getLogicalId(webHosting.bucket.node.defaultChild as CfnResource)}.Arn>/*`,
    ]) {
      deployment.acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[${permission}]`,
        reason:
          "CDK's BucketDeployment grant: read the app from the CDK asset bucket, write and prune it in the app bucket only.",
      });
    }
    deployment.acknowledge({
      id: 'AwsSolutions::AwsSolutions-L1',
      reason:
        "CDK's BucketDeployment function runs on the Python runtime aws-cdk-lib pins; it runs only during deploys.",
    });
  }
}
