import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { beforeAll, describe, expect, it } from 'vitest';
import { StaffIdentity } from '../../infra/constructs/staff-identity.js';
import { staffRoles } from '../../shared/domain/staff/staff-types.js';
import { appWithoutBundling, cfnLogicalId, nagFindings, onlyResource } from './template-helpers.js';

let stack: Stack;
let identity: StaffIdentity;
let template: Template;

beforeAll(() => {
  stack = new Stack(appWithoutBundling(), 'Staff');
  identity = new StaffIdentity(stack, 'StaffIdentity');
  template = Template.fromStack(stack);
});

describe('StaffIdentity user pool', () => {
  it('lets only administrators create accounts', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });

  it('requires a long password with every character class', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it('requires TOTP MFA, with SMS off', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('is on the Plus plan with threat protection enforced', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('has the mutable custom attribute branch', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'branch', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
  });

  it('is kept and protected from deletion by default', () => {
    const pool = onlyResource(template, 'AWS::Cognito::UserPool');
    expect(pool.properties.DeletionProtection).toBe('ACTIVE');
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });
});

describe('StaffIdentity groups', () => {
  it.each(staffRoles)('has the group %s', (role) => {
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
      GroupName: role,
      UserPoolId: { Ref: cfnLogicalId(identity.userPool, cognito.CfnUserPool) },
      Description: Match.stringLikeRegexp('.+'),
    });
  });

  it('has a group for every role and no other', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup'));
    expect(groups.map((group) => group.Properties.GroupName).sort()).toEqual([...staffRoles].sort());
  });
});

describe('StaffIdentity console client', () => {
  it('signs in with SRP, holds no secret and has no OAuth flows', () => {
    const client = onlyResource(template, 'AWS::Cognito::UserPoolClient').properties;
    expect(client.GenerateSecret).toBe(false);
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(client.AllowedOAuthFlows).toBeUndefined();
    expect(client.CallbackURLs).toBeUndefined();
    expect(client.PreventUserExistenceErrors).toBe('ENABLED');
  });

  it('issues ID and access tokens for 15 minutes; the refresh token keeps the 12-hour session', () => {
    const client = onlyResource(template, 'AWS::Cognito::UserPoolClient').properties;
    expect(client.TokenValidityUnits).toMatchObject({ IdToken: 'minutes', AccessToken: 'minutes' });
    expect(client.IdTokenValidity).toBe(15);
    expect(client.AccessTokenValidity).toBe(15);
    expect(client.RefreshTokenValidity).toBe(12 * 60);
    expect(client.EnableTokenRevocation).toBe(true);
  });

  it('reads the branch but cannot write it', () => {
    const client = onlyResource(template, 'AWS::Cognito::UserPoolClient').properties;
    expect(client.ReadAttributes).toContain('custom:branch');
    expect(client.WriteAttributes).toEqual(['locale']);
  });
});

describe('StaffIdentity cdk-nag', () => {
  it('has no unacknowledged AwsSolutions findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});
