import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildCloseloopApp } from '../../infra/closeloop-app.js';

const cdkJson = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'cdk.json'), 'utf8')) as {
  context: Record<string, Record<string, Record<string, unknown>>>;
};
const example = (cdkJson.context['closeloop:stages'] as Record<string, Record<string, unknown>>).example;

function build(stageConfig: Record<string, unknown> = {}) {
  return buildCloseloopApp({
    outdir: mkdtempSync(join(tmpdir(), 'closeloop-cdk-')),
    context: {
      stage: 'test',
      'closeloop:stages': { test: { ...example, ...stageConfig } },
      'aws:cdk:bundling-stacks': [],
    },
  });
}

const { stack } = build();
const template = Template.fromStack(stack);
const resources = (type: string) => Object.values(template.findResources(type));
const logicalId = (type: string) => Object.keys(template.findResources(type))[0] as string;

// AWS managed CloudFront policies (fixed ids across accounts).
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

describe('the deployed web app', () => {
  it('takes the team pool JWTs on every /api route, for every route machine clients reach with IAM', () => {
    const routes = resources('AWS::ApiGatewayV2::Route').map((route) => route.Properties);
    const app = routes.filter((route) => String(route.RouteKey).includes(' /api/'));
    const iam = routes.filter((route) => route.AuthorizationType === 'AWS_IAM');
    expect(app.map((route) => String(route.RouteKey).replace(' /api/', ' /')).sort()).toEqual(
      iam.map((route) => route.RouteKey).sort(),
    );
    const authorizer = logicalId('AWS::ApiGatewayV2::Authorizer');
    for (const route of app) {
      expect(route.AuthorizationType).toBe('JWT');
      expect(route.AuthorizerId).toEqual({ Ref: authorizer });
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: logicalId('AWS::Cognito::UserPoolClient') }],
        Issuer: {
          'Fn::Join': [
            '',
            [Match.stringLikeRegexp('cognito-idp'), { Ref: logicalId('AWS::Cognito::UserPool') }],
          ],
        },
      },
    });
  });

  it("requires the lead scope on exactly the lead-only /api routes, which the pool's trigger gives leads and admins", () => {
    const routes = resources('AWS::ApiGatewayV2::Route').map((route) => route.Properties);
    const scoped = routes
      .filter((route) => route.AuthorizationScopes !== undefined)
      .map((route) => route.RouteKey)
      .sort();
    expect(scoped).toEqual(['GET /api/inbox/export', 'GET /api/reports/export', 'POST /api/followups/bulk']);
    for (const route of routes.filter((r) => r.AuthorizationScopes !== undefined)) {
      expect(route.AuthorizationScopes).toEqual(['closeloop/lead']);
      expect(route.AuthorizationType).toBe('JWT');
    }
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreTokenGenerationConfig: {
          LambdaArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('TeamTokenScopes'), 'Arn'] },
          LambdaVersion: 'V2_0',
        },
      },
    });
  });

  it('serves the CSV exports (inbox view, dashboard view) only behind the JWT authorizer or IAM', () => {
    const routes = resources('AWS::ApiGatewayV2::Route').map((route) => route.Properties);
    const authorizer = logicalId('AWS::ApiGatewayV2::Authorizer');
    for (const path of ['/inbox/export', '/reports/export']) {
      const app = routes.filter((route) => route.RouteKey === `GET /api${path}`);
      expect(app).toHaveLength(1);
      expect(app[0]).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizer } });
      const machine = routes.filter((route) => route.RouteKey === `GET ${path}`);
      expect(machine).toHaveLength(1);
      expect(machine[0]?.AuthorizationType).toBe('AWS_IAM');
    }
  });

  it('lets only admins add users, requires MFA, and has the agent, lead and admin groups', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12 }) },
    });
    expect(resources('AWS::Cognito::UserPoolGroup').map((group) => group.Properties.GroupName)).toEqual([
      'agent',
      'lead',
      'admin',
    ]);
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'example-closeloop',
      ManagedLoginVersion: 2,
    });
    template.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
  });

  it('signs the app in with the code flow and PKCE (no secret), back to the distribution or the dev URL', () => {
    const distribution = logicalId('AWS::CloudFront::Distribution');
    const appUrl = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }, '/']] };
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [appUrl, 'http://localhost:5173/'],
      LogoutURLs: [appUrl, 'http://localhost:5173/'],
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  it('keeps the app in a private, TLS-only bucket read by CloudFront through origin access control', () => {
    const [appBucketId] = Object.entries(template.findResources('AWS::S3::Bucket')).find(
      ([, bucket]) => bucket.Properties.VersioningConfiguration,
    ) as [string, unknown];
    const bucket = template.findResources('AWS::S3::Bucket')[appBucketId];
    expect(bucket?.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket?.Properties.WebsiteConfiguration).toBeUndefined();
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: appBucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
  });

  it('serves the app by default and forwards /api/* to the HTTP API uncached, with the Authorization header', () => {
    const config = resources('AWS::CloudFront::Distribution')[0]?.Properties.DistributionConfig;
    const originOf = (id: string) => config.Origins.find((origin: { Id: string }) => origin.Id === id);
    expect(config.DefaultRootObject).toBe('index.html');
    expect(originOf(config.DefaultCacheBehavior.TargetOriginId).OriginAccessControlId).toBeDefined();
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      {
        EventType: 'viewer-request',
        FunctionARN: { 'Fn::GetAtt': [logicalId('AWS::CloudFront::Function'), 'FunctionARN'] },
      },
    ]);
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.CacheBehaviors).toHaveLength(1);
    const api = config.CacheBehaviors[0];
    expect(api).toMatchObject({
      PathPattern: '/api/*',
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      ViewerProtocolPolicy: 'https-only',
    });
    expect(api.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST']));
    expect(JSON.stringify(originOf(api.TargetOriginId).DomainName)).toContain('FollowUpsHttpApi');
    expect(originOf(api.TargetOriginId).CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    // Same origin for app and API: no CORS anywhere.
    expect(JSON.stringify(resources('AWS::ApiGatewayV2::Api'))).not.toContain('CorsConfiguration');
  });

  it('sends page paths to index.html, and not the API answers', () => {
    const code = resources('AWS::CloudFront::Function')[0]?.Properties.FunctionCode as string;
    const handler = new Function(`${code}; return handler;`)() as (event: unknown) => { uri: string };
    expect(handler({ request: { uri: '/inbox' } }).uri).toBe('/index.html');
    expect(handler({ request: { uri: '/assets/index-abc.js' } }).uri).toBe('/assets/index-abc.js');
    expect(handler({ request: { uri: '/config.json' } }).uri).toBe('/config.json');
  });

  it('sends security headers: a same-origin CSP that allows only the login token endpoint besides', () => {
    const config = resources('AWS::CloudFront::ResponseHeadersPolicy')[0]?.Properties
      .ResponseHeadersPolicyConfig;
    const headers = config.SecurityHeadersConfig;
    // The CSP names the login domain, a deploy-time value: the template joins it in.
    const csp = (headers.ContentSecurityPolicy.ContentSecurityPolicy['Fn::Join'][1] as unknown[])
      .map((part) => (typeof part === 'string' ? part : '<login>'))
      .join('');
    expect(csp).toBe(
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self' https://<login>.auth.eu-west-1.amazoncognito.com; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    expect(headers).toMatchObject({
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 31_536_000, IncludeSubdomains: true },
    });
    const distribution = resources('AWS::CloudFront::Distribution')[0]?.Properties.DistributionConfig;
    const policy = { Ref: logicalId('AWS::CloudFront::ResponseHeadersPolicy') };
    expect(distribution.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual(policy);
    expect(distribution.CacheBehaviors[0].ResponseHeadersPolicyId).toEqual(policy);
  });

  it('writes config.json next to the app at deploy with the pool, the client and the login domain', () => {
    const deployments = resources('Custom::CDKBucketDeployment');
    const entry = deployments.find((deployment) => deployment.Properties.DistributionPaths);
    expect(entry?.Properties.DistributionPaths).toEqual(['/index.html', '/config.json']);
    const markers = JSON.stringify(entry?.Properties.SourceMarkers);
    expect(markers).toContain(logicalId('AWS::Cognito::UserPool'));
    expect(markers).toContain(logicalId('AWS::Cognito::UserPoolClient'));
    expect(markers).toContain(logicalId('AWS::Cognito::UserPoolDomain'));
  });

  it('deploys neither logins nor the app when the stage says so, keeping only the IAM API', () => {
    const withoutApp = Template.fromStack(build({ webApp: { deploy: false } }).stack);
    withoutApp.resourceCountIs('AWS::Cognito::UserPool', 0);
    withoutApp.resourceCountIs('AWS::CloudFront::Distribution', 0);
    const routes = Object.values(withoutApp.findResources('AWS::ApiGatewayV2::Route'));
    expect(routes.filter((route) => String(route.Properties.RouteKey).includes('/api/'))).toEqual([]);
  });

  it('refuses a web app configuration that cannot work, saying which key and why', () => {
    expect(() => build({ webApp: { deploy: true } })).toThrow(
      /webApp.loginDomainPrefix: required when webApp.deploy is true/,
    );
    expect(() => build({ webApp: { loginDomainPrefix: 'acme-aws-login' } })).toThrow(
      /webApp.loginDomainPrefix: must not contain aws, amazon or cognito/,
    );
    expect(() => build({ webApp: { loginDomainPrefix: 'Acme_Login' } })).toThrow(
      /webApp.loginDomainPrefix: must be 1-63 lower-case letters/,
    );
    expect(() =>
      build({ webApp: { loginDomainPrefix: 'acme', developmentUrls: ['http://dev.example.com/'] } }),
    ).toThrow(/webApp.developmentUrls.0: must be https, or http on localhost/);
    expect(() =>
      build({ webApp: { loginDomainPrefix: 'acme', developmentUrls: ['javascript:alert(1)'] } }),
    ).toThrow(/webApp.developmentUrls.0/);
    expect(() => build({ webApp: { loginDomainPrefix: 'acme', mfa: 'sometimes' } })).toThrow(/webApp.mfa/);
    expect(() => build({ webApp: { loginDomainPrefix: 'acme', signUp: true } })).toThrow(/webApp/);
  });
});
