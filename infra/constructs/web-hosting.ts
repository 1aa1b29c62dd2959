import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

/** What the app reads at start from `/config.json` (web/src/app-config.ts parses the same shape). */
export interface DeployedAppConfig {
  mode: 'deployed';
  apiBase: '/api';
  region: string;
  userPoolId: string;
  clientId: string;
  /** The managed login page's origin, e.g. https://acme.auth.eu-west-1.amazoncognito.com. */
  loginOrigin: string;
}

export interface WebHostingProps {
  /** The built app (`npm run build:web` writes dist/web). */
  readonly appDirectory: string;
  /** The HTTP API whose `/api/*` routes the distribution forwards to, on the same origin. */
  readonly api: HttpApi;
  /** The managed login page's origin: the app posts to its token endpoint, so CSP must allow it. */
  readonly loginOrigin: string;
  /** Login settings written to `config.json`, besides `mode` and `apiBase`. */
  readonly appConfig: Omit<DeployedAppConfig, 'mode' | 'apiBase' | 'loginOrigin'>;
  /** Production keeps the access logs when the stack is deleted. @default false */
  readonly production?: boolean;
}

/**
 * What the app may load and call: its own origin only, plus the login page's token endpoint (the
 * PKCE code exchange). No inline scripts, no framing.
 */
export function contentSecurityPolicy(loginOrigin: string): string {
  return [
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self' ${loginOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The app routes in the URL hash; any other path without a file extension gets the app itself. */
const SPA_FALLBACK = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * The web app as the team opens it: the built files in a private bucket (no public access, TLS only,
 * no website hosting) read by CloudFront through origin access control, `/api/*` forwarded uncached
 * to the HTTP API on the same distribution (so the browser needs no CORS), security headers on every
 * answer, and `config.json` written next to the app at deploy.
 */
export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** https://<id>.cloudfront.net, known only at deploy time. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    if (!existsSync(join(props.appDirectory, 'index.html'))) {
      throw new Error(
        `the web app is not built (no ${join(props.appDirectory, 'index.html')}): run "npm run build:web" before synth`,
      );
    }
    const removal = props.production
      ? { removalPolicy: RemovalPolicy.RETAIN }
      : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true };

    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // S3 server access logging delivers with the log-delivery ACL.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(props.production ? 365 : 30) }],
      ...removal,
    });
    this.bucket = new Bucket(this, 'App', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'app-bucket/',
      // The app is rebuilt from the repository on every deploy: nothing here needs keeping.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'closeloop web app: same-origin only, plus the login page token endpoint',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(props.loginOrigin),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
      },
    });
    const apiDomain = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'closeloop web app',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new EdgeFunction(this, 'SpaFallback', {
              code: FunctionCode.fromInline(SPA_FALLBACK),
              runtime: FunctionRuntime.JS_2_0,
              comment: 'closeloop: page paths get index.html',
            }),
          },
        ],
      },
      additionalBehaviors: {
        // Every API answer is per user: never cached; the Authorization header goes through.
        '/api/*': {
          origin: new HttpOrigin(apiDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    const config: DeployedAppConfig = {
      mode: 'deployed',
      apiBase: '/api',
      loginOrigin: props.loginOrigin,
      ...props.appConfig,
    };
    // Hashed bundles are immutable; index.html and config.json are revalidated on every load.
    const assets = new BucketDeployment(this, 'DeployAssets', {
      destinationBucket: this.bucket,
      sources: [Source.asset(props.appDirectory, { exclude: ['index.html', '*.map'] })],
      cacheControl: [
        CacheControl.setPublic(),
        CacheControl.maxAge(Duration.days(365)),
        CacheControl.immutable(),
      ],
      prune: false,
      memoryLimit: 256,
    });
    const entry = new BucketDeployment(this, 'DeployEntry', {
      destinationBucket: this.bucket,
      sources: [
        Source.asset(props.appDirectory, { exclude: ['*', '!index.html'] }),
        Source.jsonData('config.json', config),
      ],
      cacheControl: [CacheControl.noCache()],
      prune: false,
      memoryLimit: 256,
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
    });
    // index.html names the hashed bundles: it goes up only once they are there.
    entry.node.addDependency(assets);
  }
}
