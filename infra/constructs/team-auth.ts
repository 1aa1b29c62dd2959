import { Duration, Lazy, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  CfnUserPoolGroup,
  FeaturePlan,
  LambdaVersion,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { CloseloopFunction } from './closeloop-function.js';

/**
 * The team's roles, as Cognito groups. Agents work the inbox; leads also bulk-assign and export;
 * admins may all a lead may (managing users is done in Cognito with AWS access, not in the app).
 */
export const TEAM_GROUPS = {
  agent: 'Works the follow-up inbox: claim, contact, resolve; reads the dashboard.',
  lead: 'An agent who also assigns in bulk and exports the feedback behind a view.',
  admin: 'A lead who also looks after the team: invites users and sets their groups (in Cognito).',
} as const;

export interface TeamAuthProps {
  /** The managed login domain prefix: https://<prefix>.auth.<region>.amazoncognito.com. */
  readonly loginDomainPrefix: string;
  /** Extra URLs the login page may send users back to, e.g. a local dev server. @default none */
  readonly developmentUrls?: string[];
  /** Multi-factor sign-in: required for everyone, or each user's choice. */
  readonly mfa: 'required' | 'optional';
  /** Production keeps the user pool when the stack is deleted. @default false */
  readonly production?: boolean;
}

/**
 * Who may use the web app: a user pool only admins add people to (no self sign-up), the groups
 * `agent`, `lead` and `admin`, Cognito's managed login page, and one public app client that signs in
 * with the authorization code flow and PKCE (a browser cannot keep a client secret).
 */
export class TeamAuth extends Construct {
  readonly userPool: UserPool;
  readonly appClient: UserPoolClient;
  readonly domain: UserPoolDomain;
  /** Adds the lead scope to leads' and admins' access tokens (functions/auth/token-scopes.ts). */
  readonly tokenScopes: NodejsFunction;
  /** Where the login page may send users back and sign them out to: {@link allowAppUrl} and the dev URLs. */
  private readonly appUrls: string[];

  constructor(scope: Construct, id: string, props: TeamAuthProps) {
    super(scope, id);
    this.appUrls = [...(props.developmentUrls ?? [])];
    this.node.addValidation({
      validate: () => (this.appUrls.length === 0 ? ['TeamAuth needs an app URL: call allowAppUrl()'] : []),
    });
    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      // Usernames are what the history shows ("ana acted first"); e-mail receives the invitation.
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      mfa: props.mfa === 'required' ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      featurePlan: FeaturePlan.ESSENTIALS,
      userInvitation: {
        emailSubject: 'Your closeloop account',
        emailBody:
          'You have been invited to closeloop, the customer follow-up inbox. Your username is {username} and your temporary password is {####}. Sign in from the link your team lead sent you.',
      },
      deletionProtection: props.production ?? false,
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    // Leads' and admins' access tokens carry the lead scope, which the API's lead-only routes require
    // (Essentials plan: access token customisation, trigger V2, also on refresh).
    this.tokenScopes = new CloseloopFunction(this, 'TokenScopes', {
      entry: 'auth/index.ts',
      description: 'closeloop: adds the lead scope to leads and admins access tokens',
      timeout: Duration.seconds(5),
      memorySize: 256,
      production: props.production ?? false,
      environment: {},
    }).function;
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.tokenScopes,
      LambdaVersion.V2_0,
    );
    for (const [name, description] of Object.entries(TEAM_GROUPS)) {
      new CfnUserPoolGroup(this, `Group-${name}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: name,
        description,
      });
    }

    this.appClient = this.userPool.addClient('WebApp', {
      userPoolClientName: 'closeloop-web',
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        // The app's URL is known once its distribution exists: read when the template is written.
        callbackUrls: Lazy.list({ produce: () => this.appUrls }),
        logoutUrls: Lazy.list({ produce: () => this.appUrls }),
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // A working day's session; the access token the API checks lives an hour.
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });

    this.domain = this.userPool.addDomain('Login', {
      cognitoDomain: { domainPrefix: props.loginDomainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // Managed login shows no page until the client has a branding style: Cognito's default one.
    new CfnManagedLoginBranding(this, 'LoginBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.appClient.userPoolClientId,
      useCognitoProvidedValues: true,
    });
  }

  /** Lets the login page send users back to (and sign them out to) the app at this URL. */
  allowAppUrl(url: string): void {
    this.appUrls.unshift(url);
  }

  /** The managed login page's origin, e.g. https://acme.auth.eu-west-1.amazoncognito.com. */
  get loginOrigin(): string {
    return this.domain.baseUrl();
  }
}
