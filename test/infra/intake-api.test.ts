import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiRoute, apiFunctionNames, apiFunctions, apiRoutes } from '../../infra/api-routes.js';
import { intakeSettingsEnvironment } from '../../infra/constructs/app-environment.js';
import { CaseData } from '../../infra/constructs/case-data.js';
import { ComplaintMail } from '../../infra/constructs/complaint-mail.js';
import { IdempotencyData } from '../../infra/constructs/idempotency-data.js';
import { defaultApiThrottling, IntakeApi } from '../../infra/constructs/intake-api.js';
import { IntakeQueue } from '../../infra/constructs/intake-queue.js';
import { SlaWatch } from '../../infra/constructs/sla-watch.js';
import { StaffIdentity } from '../../infra/constructs/staff-identity.js';
import { RedressStack } from '../../infra/stacks/redress-stack.js';
import { defaultIntakeSettings } from '../../shared/config/intake-settings.js';
import {
  actionsOf,
  appWithoutBundling,
  cfnLogicalId,
  nagFindings,
  resourcesOf,
  statementsOfRole,
} from './template-helpers.js';

let stack: RedressStack;
let template: Template;

beforeAll(() => {
  stack = new RedressStack(appWithoutBundling(), 'Redress');
  template = Template.fromStack(stack);
});

const functionId = (name: (typeof apiFunctionNames)[number]): string =>
  cfnLogicalId(stack.intakeApi.function(name).function, lambda.CfnFunction);
const staffAuthorizerId = (): string => {
  const [id, ...others] = Object.keys(template.findResources('AWS::ApiGateway::Authorizer'));
  if (id === undefined || others.length > 0) throw new Error('expected one authorizer');
  return id;
};
const roleId = (name: (typeof apiFunctionNames)[number]): string =>
  cfnLogicalId(stack.intakeApi.function(name).role, iam.CfnRole);

/** Full path of every API Gateway resource, by logical id, rebuilt from ParentId/PathPart. */
function resourcePaths(): Map<string, string> {
  const resources = template.findResources('AWS::ApiGateway::Resource');
  const paths = new Map<string, string>();
  const pathOf = (id: string): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const properties = resources[id]?.Properties;
    const parent: unknown = properties?.ParentId;
    const parentPath =
      typeof parent === 'object' && parent !== null && 'Ref' in parent && typeof parent.Ref === 'string'
        ? pathOf(parent.Ref)
        : '';
    const path = `${parentPath}/${String(properties?.PathPart)}`;
    paths.set(id, path);
    return path;
  };
  for (const id of Object.keys(resources)) pathOf(id);
  return paths;
}

describe('IntakeApi routes follow the route table', () => {
  it.each(apiRoutes)('$method $path exists, is $access and integrates $function', (route) => {
    const resourceId = [...resourcePaths()].find(([, path]) => path === route.path)?.[0];
    expect(resourceId, `resource for ${route.path}`).toBeDefined();
    const authorizerId = staffAuthorizerId();
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: route.method,
      ResourceId: { Ref: resourceId },
      ...(route.access === 'staff'
        ? { AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: { Ref: authorizerId } }
        : { AuthorizationType: 'NONE', AuthorizerId: Match.absent() }),
      RequestValidatorId: Match.anyValue(),
      Integration: Match.objectLike({ Type: 'AWS_PROXY' }),
    });
    const methods = template.findResources('AWS::ApiGateway::Method', {
      Properties: { HttpMethod: route.method, ResourceId: { Ref: resourceId } },
    });
    expect(Object.keys(methods)).toHaveLength(1);
    // The integration URI names the function the route table points at, and only that one.
    const integration = JSON.stringify(Object.values(methods)[0]?.Properties.Integration);
    for (const name of apiFunctionNames) {
      expect(integration.includes(functionId(name))).toBe(name === route.function);
    }
  });

  it('requires the path parameters of templated routes', () => {
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      RequestParameters: { 'method.request.path.reference': true },
    });
  });

  it('has a method for each route and no other', () => {
    expect(Object.keys(template.findResources('AWS::ApiGateway::Method'))).toHaveLength(apiRoutes.length);
  });

  it('validates parameters (and bodies where a model exists) with a request validator', () => {
    template.hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      ValidateRequestBody: true,
      ValidateRequestParameters: true,
    });
  });
});

describe('IntakeApi staff authorizer', () => {
  it('validates Cognito tokens of the staff user pool from the Authorization header', () => {
    const poolId = cfnLogicalId(stack.staffIdentity.userPool, cognito.CfnUserPool);
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'COGNITO_USER_POOLS',
      IdentitySource: 'method.request.header.Authorization',
      ProviderARNs: [{ 'Fn::GetAtt': [poolId, 'Arn'] }],
    });
  });

  it('caches a token verdict for at most five minutes', () => {
    const authorizer = Object.values(template.findResources('AWS::ApiGateway::Authorizer'))[0];
    expect(authorizer?.Properties.AuthorizerResultTtlInSeconds).toBeLessThanOrEqual(300);
  });

  it('guards every staff route and no public one', () => {
    const methods = Object.values(template.findResources('AWS::ApiGateway::Method'));
    const authorized = methods.filter(
      (method) => method.Properties.AuthorizationType === 'COGNITO_USER_POOLS',
    );
    expect(authorized).toHaveLength(apiRoutes.filter((route) => route.access === 'staff').length);
    const anonymous = methods.filter((method) => method.Properties.AuthorizationType === 'NONE');
    expect(anonymous).toHaveLength(apiRoutes.filter((route) => route.access === 'public').length);
  });

  const build = (routes: readonly ApiRoute[], withIdentity: boolean) => {
    const stack = new Stack(appWithoutBundling(), 'Routes');
    const caseData = new CaseData(stack, 'CaseData');
    const mail = new ComplaintMail(stack, 'Mail');
    const idempotencyData = new IdempotencyData(stack, 'Idempotency', {
      encryptionKey: caseData.encryptionKey,
    });
    const slaWatch = new SlaWatch(stack, 'SlaWatch', { caseData });
    new IntakeApi(stack, 'Api', {
      caseData,
      idempotencyData,
      intakeQueue: new IntakeQueue(stack, 'Queue'),
      intakeSettings: { ...defaultIntakeSettings, publicBaseUrl: 'https://complaints.bank.example' },
      mail,
      slaWatch,
      routes,
      ...(withIdentity ? { staffIdentity: new StaffIdentity(stack, 'Staff') } : {}),
    });
    return stack;
  };

  it('takes a route table as a prop: a staff route gets the authorizer, a public one stays anonymous', () => {
    const routed = build(
      [
        {
          method: 'GET',
          path: '/api/complaints/{reference}',
          function: 'complaint-status',
          access: 'public',
        },
        { method: 'GET', path: '/api/staff/probe', function: 'get-case', access: 'staff' },
      ],
      true,
    );
    const routedTemplate = Template.fromStack(routed);
    routedTemplate.resourceCountIs('AWS::ApiGateway::Authorizer', 1);
    routedTemplate.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      AuthorizationType: 'COGNITO_USER_POOLS',
      AuthorizerId: Match.anyValue(),
    });
    routedTemplate.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      AuthorizationType: 'NONE',
      AuthorizerId: Match.absent(),
    });
    expect(nagFindings(routed)).toEqual([]);
  });

  it('creates no authorizer for a public-only table', () => {
    const routed = build(
      [{ method: 'POST', path: '/api/complaints', function: 'submit-complaint', access: 'public' }],
      false,
    );
    Template.fromStack(routed).resourceCountIs('AWS::ApiGateway::Authorizer', 0);
  });

  it('refuses to publish a staff route without the staff identity', () => {
    expect(() =>
      build([{ method: 'GET', path: '/api/cases', function: 'list-cases', access: 'staff' }], false),
    ).toThrow(/staffIdentity/);
  });
});

describe('IntakeApi stage', () => {
  it('throttles every method with the default limits', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: Match.arrayWith([
        Match.objectLike({
          HttpMethod: '*',
          ResourcePath: '/*',
          ThrottlingRateLimit: defaultApiThrottling.rateLimit,
          ThrottlingBurstLimit: defaultApiThrottling.burstLimit,
          LoggingLevel: 'ERROR',
          DataTraceEnabled: false,
        }),
      ]),
      TracingEnabled: true,
    });
  });

  it('takes throttling limits from props', () => {
    const custom = Template.fromStack(
      new RedressStack(appWithoutBundling(), 'Custom', { apiThrottling: { rateLimit: 3, burstLimit: 7 } }),
    );
    custom.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: Match.arrayWith([
        Match.objectLike({ ThrottlingRateLimit: 3, ThrottlingBurstLimit: 7 }),
      ]),
    });
  });

  it('writes access logs without source IP or query strings', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('resourcePath') },
    });
    const stage = Object.values(template.findResources('AWS::ApiGateway::Stage'))[0];
    const format = String(stage?.Properties.AccessLogSetting.Format);
    expect(format).not.toContain('sourceIp');
    expect(format).not.toContain('$context.path');
  });
});

describe('IntakeApi functions', () => {
  it.each(apiFunctionNames)('%s: nodejs22.x on arm64 with the memory and timeout of its spec', (name) => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: Match.absent(),
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: apiFunctions[name].memorySize,
      Timeout: apiFunctions[name].timeoutSeconds,
      TracingConfig: { Mode: 'Active' },
    });
  });

  it('submit-complaint gets everything its handler parses', () => {
    const queueId = cfnLogicalId(stack.intakeQueue.queue, sqs.CfnQueue);
    const variables = Object.keys(
      intakeSettingsEnvironment({ ...defaultIntakeSettings, publicBaseUrl: 'https://a.example' }),
    ).map((name) => [name, Match.anyValue()]);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: apiFunctions['submit-complaint'].description,
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: Match.anyValue(),
          INTAKE_QUEUE_URL: { Ref: queueId },
          PUBLIC_BASE_URL: 'https://complaints.bank.example',
          POWERTOOLS_SERVICE_NAME: 'redress',
          POWERTOOLS_LOG_LEVEL: 'INFO',
          ...Object.fromEntries(variables),
        }),
      },
    });
  });

  it('complaint-status gets the case table and nothing about queue or idempotency', () => {
    const status = template.findResources('AWS::Lambda::Function', {
      Properties: { Description: apiFunctions['complaint-status'].description },
    });
    const variables = Object.keys(Object.values(status)[0]?.Properties.Environment.Variables ?? {});
    expect(variables).toContain('TABLE_NAME');
    expect(variables).not.toContain('INTAKE_QUEUE_URL');
    expect(variables).not.toContain('IDEMPOTENCY_TABLE_NAME');
  });

  it('refuses a plain-http public base URL', () => {
    expect(
      () => new RedressStack(appWithoutBundling(), 'Local', { publicBaseUrl: 'http://127.0.0.1:3000' }),
    ).toThrow(/https/);
  });
});

describe('IntakeApi staff functions', () => {
  const variablesOf = (name: (typeof apiFunctionNames)[number]): Record<string, unknown> => {
    const found = template.findResources('AWS::Lambda::Function', {
      Properties: { Description: apiFunctions[name].description },
    });
    return Object.values(found)[0]?.Properties.Environment.Variables ?? {};
  };

  it.each(apiFunctionNames)(
    '%s expects the console client as token audience exactly when it serves staff',
    (name) => {
      const servesStaff = apiRoutes.some((route) => route.function === name && route.access === 'staff');
      const clientId = cfnLogicalId(stack.staffIdentity.consoleClient, cognito.CfnUserPoolClient);
      if (servesStaff) expect(variablesOf(name).STAFF_CLIENT_ID, name).toEqual({ Ref: clientId });
      else expect(variablesOf(name).STAFF_CLIENT_ID, name).toBeUndefined();
    },
  );

  it.each(apiFunctionNames)('%s gets mail and SLA settings exactly when its spec says so', (name) => {
    const spec = apiFunctions[name];
    const variables = Object.keys(variablesOf(name));
    expect(variables.includes('SENDER_ADDRESS'), name).toBe(spec.sendsMail === true);
    expect(variables.includes('SES_CONFIGURATION_SET'), name).toBe(spec.sendsMail === true);
    expect(variables.includes('SLA_STATE_MACHINE_ARN'), name).toBe(spec.startsSlaWatch === true);
    const actions = actionsOf(statementsOfRole(template, roleId(name)));
    expect(actions.includes('ses:SendEmail'), name).toBe(spec.sendsMail === true);
    expect(actions.includes('states:StartExecution'), name).toBe(spec.startsSlaWatch === true);
  });

  it('case-action neither mails nor starts watches: what an action owes goes to the outbox', () => {
    const actions = actionsOf(statementsOfRole(template, roleId('case-action')));
    expect(actions).not.toContain('states:StartExecution');
    expect(actions).not.toContain('ses:SendEmail');
    expect(variablesOf('case-action').SLA_STATE_MACHINE_ARN).toBeUndefined();
  });
});

describe('IntakeApi least privilege', () => {
  const dynamoWrite =
    /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem|ConditionCheckItem|TransactWriteItems|\*)$/;

  it('complaint-status reads cases and can neither write DynamoDB nor send to SQS', () => {
    const actions = actionsOf(statementsOfRole(template, roleId('complaint-status')));
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    expect(actions.filter((action) => dynamoWrite.test(action))).toEqual([]);
    expect(actions.filter((action) => action.startsWith('sqs:'))).toEqual([]);
  });

  it('submit-complaint can send to the intake queue, and only to it', () => {
    const queueArn = { 'Fn::GetAtt': [cfnLogicalId(stack.intakeQueue.queue, sqs.CfnQueue), 'Arn'] };
    const statements = statementsOfRole(template, roleId('submit-complaint'));
    const sending = statements.filter((statement) => actionsOf([statement]).includes('sqs:SendMessage'));
    expect(sending).toHaveLength(1);
    expect(sending[0] && resourcesOf(sending[0])).toEqual([queueArn]);
  });

  it('only functions whose spec says so touch the idempotency table', () => {
    const idempotencyTableId = cfnLogicalId(stack.idempotencyData.table, dynamodb.CfnTable);
    for (const name of apiFunctionNames) {
      const touches = statementsOfRole(template, roleId(name)).some((statement) =>
        JSON.stringify(statement.Resource).includes(idempotencyTableId),
      );
      expect(touches, name).toBe(apiFunctions[name].usesIdempotencyTable);
    }
  });
});
