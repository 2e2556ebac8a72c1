import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { type StaffRole, staffRoles } from '../../shared/domain/staff/staff-types.js';

/** The claim API Gateway hands the staff functions for the custom attribute below. */
export const branchClaim = 'custom:branch';

/** What each group means, for the people who add staff to groups in the console. */
const roleDescriptions: Record<StaffRole, string> = {
  agent: 'Takes complaints (hotline, counter, letter) and registers them',
  handler: 'Works and answers complaints assigned to them',
  branch_head: 'Branch head: first rung of the escalation ladder for their branch',
  operations_supervisor: 'Operations supervisor: second rung of the ladder',
  deputy_president: 'Deputy president in charge: third rung of the ladder',
  president: 'President: top of the ladder',
  consumer_protection_officer: 'Consumer protection: sees and supervises every branch',
  admin: 'Maintains branches and settings',
};

export interface StaffIdentityProps {
  /**
   * Keep the pool (and with it every staff account) when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /** @default true */
  readonly deletionProtection?: boolean;
  /** How long a console sign-in lasts before the refresh token runs out. @default 12 hours, one shift */
  readonly sessionLength?: Duration;
}

/**
 * How long a staff ID or access token is accepted (Cognito's minimum is 5 minutes). What
 * revocation takes: this plus the API authorizer's result cache (`staffAuthorizerCacheTtl`).
 */
export const staffTokenValidity = Duration.minutes(15);

/**
 * Who bank staff are: a Cognito user pool where only administrators create accounts, with
 * TOTP MFA, a strong password policy and threat protection; one group per staff role (the
 * `cognito:groups` claim), the home branch as a custom attribute (`custom:branch`), and an app
 * client for the staff console that signs in with SRP and holds no secret (it runs in a browser).
 */
export class StaffIdentity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly consoleClient: cognito.UserPoolClient;
  readonly groups: ReadonlyMap<StaffRole, cognito.UserPoolGroup>;

  constructor(scope: Construct, id: string, props: StaffIdentityProps = {}) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      // Staff accounts come from the bank's administrators, never from a sign-up form.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: true, mutable: true },
      },
      customAttributes: {
        // Mutable so administrators can move someone to another branch; the console client
        // below cannot write it, so nobody widens their own scope.
        branch: new cognito.StringAttribute({ minLen: 1, maxLen: 32, mutable: true }),
      },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      // Staff see customers' complaints and personal data: a password alone is not enough.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Plus tier: compromised-credential and risky sign-in detection, enforced rather than audited.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.deletionProtection ?? true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });

    this.groups = new Map(
      staffRoles.map((role, index) => [
        role,
        this.userPool.addGroup(groupId(role), {
          // The group name is the role the handlers read from `cognito:groups`.
          groupName: role,
          description: roleDescriptions[role],
          // Highest role first: Cognito resolves a preferred group by the lowest precedence.
          precedence: staffRoles.length - index,
        }),
      ]),
    );

    const sessionLength = props.sessionLength ?? Duration.hours(12);
    this.consoleClient = this.userPool.addClient('ConsoleClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      // The console signs in with SRP itself; no hosted UI, so no OAuth flows or callback URLs.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // Short-lived: a token carries its groups and branch until it expires, so a removed role or a
      // disabled account keeps working until then (plus the authorizer's cache). The refresh token
      // keeps the session; a refresh after a user is disabled or signed out globally fails.
      idTokenValidity: staffTokenValidity,
      accessTokenValidity: staffTokenValidity,
      refreshTokenValidity: sessionLength,
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true, locale: true })
        .withCustomAttributes('branch'),
      // Only the display language; name, e-mail and branch are the administrators' to change.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ locale: true }),
    });
  }
}

/** `branch_head` -> `BranchHeadGroup`, a stable construct id per role. */
const groupId = (role: string): string =>
  `${role
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')}Group`;
