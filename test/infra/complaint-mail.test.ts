import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { ComplaintMail, type ComplaintMailProps } from '../../infra/constructs/complaint-mail.js';
import {
  appWithoutBundling,
  cfnLogicalId,
  nagFindings,
  resourcesOf,
  statementsOfRole,
} from './template-helpers.js';

const build = (props?: ComplaintMailProps) => {
  const stack = new Stack(appWithoutBundling(), 'Test');
  const mail = new ComplaintMail(stack, 'Mail', props);
  return { stack, mail };
};

describe('ComplaintMail', () => {
  it('creates a domain identity for the sender domain, using its configuration set', () => {
    const { stack } = build({ senderAddress: 'notices@mail.bank.example' });
    const template = Template.fromStack(stack);
    const [configurationSetId] = Object.keys(template.findResources('AWS::SES::ConfigurationSet'));
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'mail.bank.example',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSetId } },
    });
  });

  it('requires TLS for delivery unless told otherwise', () => {
    Template.fromStack(build().stack).hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
    });
    Template.fromStack(build({ requireTls: false }).stack).hasResourceProperties(
      'AWS::SES::ConfigurationSet',
      {
        DeliveryOptions: { TlsPolicy: 'OPTIONAL' },
      },
    );
  });

  it('grantSend allows sending only as the identity with the configuration set', () => {
    const { stack, mail } = build();
    const role = new iam.Role(stack, 'Sender', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    mail.grantSend(role);
    const statements = statementsOfRole(Template.fromStack(stack), cfnLogicalId(role, iam.CfnRole));
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    expect(statement?.Action).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect(statement && resourcesOf(statement)).toEqual([
      stack.resolve(mail.identity.emailIdentityArn),
      stack.resolve(mail.configurationSetArn),
    ]);
    expect(JSON.stringify(statement?.Resource)).not.toMatch(/"\*"|identity\/\*/);
    expect(nagFindings(stack)).toEqual([]);
  });

  it('refuses an address that is not one', () => {
    expect(() => build({ senderAddress: 'bank.example' })).toThrow(/senderAddress/);
    expect(() => build({ complaintsAddress: 'complaints' })).toThrow(/complaintsAddress/);
  });
});
