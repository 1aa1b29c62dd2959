import { Duration } from 'aws-cdk-lib';
import {
  HttpApi,
  HttpMethod,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { gatewayRouteKeyPath } from '../../functions/api/api-route.js';
import { apiRoutes } from '../../functions/api/api-routes.js';
import { isLeadOnly, LEAD_SCOPE } from '../../functions/api/team-roles.js';
import { WEB_APP_PREFIX } from '../../functions/api/web-app-prefix.js';
import type { StageConfig } from '../config/stage-config.js';
import { CloseloopFunction } from './closeloop-function.js';

export interface FollowUpApiProps {
  config: StageConfig;
  table: TableV2;
  /**
   * The web app's authorizer (the team's Cognito JWTs). When given, every route is also served under
   * `/api` with it, for the app behind CloudFront: an HTTP API route has exactly one authorizer, so
   * the IAM routes for machine clients and the JWT routes for people are separate routes to the same
   * function. @default - IAM routes only
   */
  webAppAuthorizer?: IHttpRouteAuthorizer;
}

/** The follow-up and reports HTTP API, IAM-authorised (and JWT under `/api` for the app), with access logs. */
export class FollowUpApi extends Construct {
  readonly api: HttpApi;
  readonly function: NodejsFunction;
  readonly cursorSigningKey: Secret;

  constructor(scope: Construct, id: string, props: FollowUpApiProps) {
    super(scope, id);
    // Signs the follow-up list's page cursors, so a cursor only continues the query that made it.
    this.cursorSigningKey = new Secret(this, 'CursorSigningKey', {
      description: 'closeloop: HMAC key for the follow-up API page cursors',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    this.function = new CloseloopFunction(this, 'Api', {
      entry: 'api/index.ts',
      description: 'closeloop: follow-up workflow and reports API',
      timeout: Duration.seconds(29),
      memorySize: 512,
      production: props.config.production,
      environment: {
        TABLE_NAME: props.table.tableName,
        POWERTOOLS_SERVICE_NAME: 'closeloop-api',
        // Resolved by CloudFormation at deploy time (a dynamic reference), never written in the template.
        CURSOR_SIGNING_KEY: this.cursorSigningKey.secretValue.unsafeUnwrap(),
        // Who works with whom, for the inbox's "My team" view (validated with the stage config).
        TEAM_ROSTER: JSON.stringify(props.config.teams),
      },
    }).function;
    props.table.grantReadWriteData(this.function);

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.config.production ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_MONTH,
    });
    this.api = new HttpApi(this, 'HttpApi', {
      description: 'closeloop follow-up API',
      defaultAuthorizer: new HttpIamAuthorizer(),
      createDefaultStage: false,
    });
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
      throttle: { rateLimit: 50, burstLimit: 100 },
    });
    const integration = new HttpLambdaIntegration('Router', this.function);
    // The router's own table: every route it serves gets an API Gateway route (IAM auth), no other.
    for (const route of apiRoutes) {
      this.api.addRoutes({
        path: gatewayRouteKeyPath(route.path),
        methods: [HttpMethod[route.method]],
        integration,
      });
    }
    // The web app's routes: the same table under /api, the team's JWTs instead of IAM (issue 15).
    if (props.webAppAuthorizer) {
      for (const route of apiRoutes) {
        this.api.addRoutes({
          path: `${WEB_APP_PREFIX}${gatewayRouteKeyPath(route.path)}`,
          methods: [HttpMethod[route.method]],
          integration,
          authorizer: props.webAppAuthorizer,
          // Exports and bulk actions: only a lead's or admin's token gets through (the function checks too).
          ...(isLeadOnly(route.method, route.path) && { authorizationScopes: [LEAD_SCOPE] }),
        });
      }
    }
  }
}
