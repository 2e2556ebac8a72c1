import { Duration, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { AppEnvironment } from '../../shared/config/app-config.js';
import type { IntakeSettings } from '../../shared/config/intake-settings.js';
import type { RoutingRules } from '../../shared/config/routing-rules.js';
import {
  type ApiFunctionName,
  type ApiFunctionSpec,
  type ApiRoute,
  apiFunctionNames,
  apiFunctions,
  apiRoutes,
} from '../api-routes.js';
import { intakeSettingsEnvironment, mailEnvironment, routingEnvironment } from './app-environment.js';
import type { CaseData } from './case-data.js';
import type { ComplaintMail } from './complaint-mail.js';
import type { IdempotencyData } from './idempotency-data.js';
import type { IntakeQueue } from './intake-queue.js';
import { type PowertoolsLogLevel, RedressFunction } from './redress-function.js';
import type { SlaWatch } from './sla-watch.js';
import type { StaffIdentity } from './staff-identity.js';

/**
 * Which API functions parse the bank's intake settings (BANK_TIME_ZONE, PUBLIC_BASE_URL, ...).
 * The route table has no flag for it; keyed by function name so that a new function does not
 * compile until someone decides.
 */
const parsesIntakeSettings: Record<ApiFunctionName, boolean> = {
  'submit-complaint': true,
  'complaint-status': false,
  'list-cases': false,
  'get-case': false,
  'register-case': true,
  // Customer notices carry dates in the bank's zone and status links.
  'case-action': true,
  branches: false,
};

export interface ApiThrottling {
  /** Steady-state requests per second across the stage. */
  readonly rateLimit: number;
  /** Requests allowed in a burst above the rate. */
  readonly burstLimit: number;
}

/**
 * A bank's public form sees a few complaints a day; these limits leave room for a busy morning
 * and still stop a script from filling the case table.
 */
export const defaultApiThrottling: ApiThrottling = { rateLimit: 20, burstLimit: 40 };

export interface IntakeApiProps {
  readonly caseData: CaseData;
  readonly idempotencyData: IdempotencyData;
  readonly intakeQueue: IntakeQueue;
  /** Bank zone, default clock policy and calendar, and PUBLIC_BASE_URL for status links. */
  readonly intakeSettings: IntakeSettings;
  /** Signs staff in; every `access: 'staff'` route gets its Cognito authorizer. Required when a route is staff. */
  readonly staffIdentity?: StaffIdentity;
  /** Sender identity and configuration set of functions whose spec says `sendsMail`. */
  readonly mail?: ComplaintMail;
  /** The state machine functions whose spec says `startsSlaWatch` start executions of. */
  readonly slaWatch?: SlaWatch;
  /** First-responder desks named in customer notices; the handlers' sample rules apply when unset. */
  readonly routingRules?: RoutingRules;
  /** The routes to serve. @default apiRoutes, the one route table; tests pass their own. */
  readonly routes?: readonly ApiRoute[];
  /** @default defaultApiThrottling */
  readonly throttling?: ApiThrottling;
  /** @default 'prod' */
  readonly stageName?: string;
  /** @default 'INFO' */
  readonly logLevel?: PowertoolsLogLevel;
  /** Lambda and access log retention. @default six months */
  readonly logRetention?: logs.RetentionDays;
}

/** How long API Gateway keeps a token's verdict; with the token lifetime, what revocation takes. */
export const staffAuthorizerCacheTtl = Duration.minutes(5);

/** Whether the function serves any staff route. */
const servesStaff = (name: ApiFunctionName, routes: readonly ApiRoute[]): boolean =>
  routes.some((route) => route.function === name && route.access === 'staff');

/** `/api/complaints/{reference}` -> `['reference']` */
const pathParameters = (path: string): string[] =>
  [...path.matchAll(/\{(\w+)\}/g)].flatMap((match) => (match[1] === undefined ? [] : [match[1]]));

/**
 * The REST API of the route table: one resource per path, one method per route, one Lambda per
 * API function, each function granted exactly what its spec says.
 *
 * Request size: API Gateway REST accepts bodies up to 10 MB and cannot be told to take less;
 * the handlers answer 413 above 64 KB (MAX_JSON_BODY_BYTES) before parsing anything.
 * No CORS: the web app and the API are served from the same origin.
 */
export class IntakeApi extends Construct {
  readonly api: apigateway.RestApi;
  readonly functions: ReadonlyMap<ApiFunctionName, RedressFunction>;
  readonly accessLogGroup: logs.LogGroup;
  /** Present once a staff route exists: API Gateway refuses an authorizer no method uses. */
  readonly staffAuthorizer?: apigateway.CognitoUserPoolsAuthorizer;

  constructor(scope: Construct, id: string, props: IntakeApiProps) {
    super(scope, id);
    const throttling = props.throttling ?? defaultApiThrottling;
    const logRetention = props.logRetention ?? logs.RetentionDays.SIX_MONTHS;

    this.accessLogGroup = new logs.LogGroup(this, 'AccessLogs', { retention: logRetention });

    this.api = new apigateway.RestApi(this, 'Api', {
      description: 'Redress complaint API: public form and status, staff console',
      // Regional: CloudFront in front of web and API (same origin) comes with the web concern.
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      // Execution logging needs the API Gateway CloudWatch role, a per-account-and-region
      // setting; this stack sets it (another stack setting it too would overwrite it).
      cloudWatchRole: true,
      deployOptions: {
        stageName: props.stageName ?? 'prod',
        throttlingRateLimit: throttling.rateLimit,
        throttlingBurstLimit: throttling.burstLimit,
        tracingEnabled: true,
        metricsEnabled: true,
        // Errors only and never request or response bodies: bodies carry personal data.
        loggingLevel: apigateway.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        accessLogDestination: new apigateway.LogGroupLogDestination(this.accessLogGroup),
        // No source IP, caller or user, and the resource template rather than the path with its
        // query string: the status token travels in the query, and logs carry no personal data.
        accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields({
          ip: false,
          caller: false,
          user: false,
          requestTime: true,
          httpMethod: true,
          resourcePath: true,
          status: true,
          protocol: true,
          responseLength: true,
        }),
      },
    });
    const cloudWatchRole = this.api.node.tryFindChild('CloudWatchRole');
    if (cloudWatchRole !== undefined) {
      Validations.of(cloudWatchRole).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason:
          'The account-level role API Gateway writes execution logs with; AWS maintains this policy for exactly that role.',
      });
    }
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG3',
      reason:
        'Stage throttling limits request rates; a WAF web ACL belongs on the CloudFront distribution of the web concern, which will front this API on the same origin.',
    });

    // Validates required path parameters. Body validation is on too but applies only where a
    // method has a model, and none has: bodies are validated by the handler's zod schema, which
    // names the failing field in its 400 answer.
    const requestValidator = this.api.addRequestValidator('RequestValidator', {
      validateRequestBody: true,
      validateRequestParameters: true,
    });

    this.functions = new Map(
      apiFunctionNames.map((name) => [name, this.createFunction(name, apiFunctions[name], props)]),
    );

    // One integration per function, shared by all its routes.
    const integrations = new Map(
      apiFunctionNames.map((name) => [name, new apigateway.LambdaIntegration(this.function(name).function)]),
    );
    const routes = props.routes ?? apiRoutes;
    if (routes.some((route) => route.access === 'staff')) {
      // Fail the synth rather than publish a staff route without its Cognito authorizer.
      if (props.staffIdentity === undefined) {
        throw new Error('IntakeApi: staff routes need staffIdentity for their Cognito authorizer');
      }
      // Checks the token in the Authorization header is signed by the user pool and unexpired;
      // it does not check which app client it was issued to or whether it is an ID token, so
      // the handlers refuse any but an ID token (`token_use: id`) for the console client
      // (`aud` = STAFF_CLIENT_ID), then read its claims (cognito:groups, custom:branch) from
      // requestContext.authorizer.claims.
      this.staffAuthorizer = new apigateway.CognitoUserPoolsAuthorizer(this, 'StaffAuthorizer', {
        cognitoUserPools: [props.staffIdentity.userPool],
        identitySource: apigateway.IdentitySource.header('Authorization'),
        // Cognito cannot revoke an issued ID token: a disabled account or a removed group keeps
        // working until the token expires (staffTokenValidity, 15 minutes) plus this cache.
        resultsCacheTtl: staffAuthorizerCacheTtl,
      });
    }
    for (const route of routes) {
      const integration = integrations.get(route.function);
      if (integration === undefined) throw new Error(`IntakeApi: no function ${route.function}`);
      this.addRoute(route, integration, requestValidator);
    }
  }

  /** The function serving an entry of `apiFunctions`. */
  function(name: ApiFunctionName): RedressFunction {
    const fn = this.functions.get(name);
    if (fn === undefined) throw new Error(`IntakeApi: no function ${name}`);
    return fn;
  }

  private createFunction(
    name: ApiFunctionName,
    spec: ApiFunctionSpec,
    props: IntakeApiProps,
  ): RedressFunction {
    const environment: AppEnvironment = { TABLE_NAME: props.caseData.table.tableName };
    // Staff functions accept only ID tokens issued to the console client.
    if (props.staffIdentity !== undefined && servesStaff(name, props.routes ?? apiRoutes))
      environment.STAFF_CLIENT_ID = props.staffIdentity.consoleClient.userPoolClientId;
    if (spec.usesIdempotencyTable) environment.IDEMPOTENCY_TABLE_NAME = props.idempotencyData.table.tableName;
    if (spec.sendsToIntakeQueue) environment.INTAKE_QUEUE_URL = props.intakeQueue.queue.queueUrl;
    if (parsesIntakeSettings[name])
      Object.assign(environment, intakeSettingsEnvironment(props.intakeSettings));
    const mail = spec.sendsMail ? requireProp(props.mail, name, 'mail') : undefined;
    if (mail !== undefined) {
      Object.assign(
        environment,
        mailEnvironment({
          senderAddress: mail.senderAddress,
          complaintsAddress: mail.complaintsAddress,
          configurationSetName: mail.configurationSet.configurationSetName,
        }),
      );
      // Notices name the first-responder desk.
      Object.assign(environment, routingEnvironment(props.routingRules));
    }
    const slaWatch = spec.startsSlaWatch ? requireProp(props.slaWatch, name, 'slaWatch') : undefined;
    if (slaWatch !== undefined) environment.SLA_STATE_MACHINE_ARN = slaWatch.stateMachine.stateMachineArn;

    const fn = new RedressFunction(this, functionId(name), {
      entry: spec.entry,
      description: spec.description,
      memorySize: spec.memorySize,
      timeout: Duration.seconds(spec.timeoutSeconds),
      environment,
      logLevel: props.logLevel,
      logRetention: props.logRetention,
    });

    if (spec.caseAccess === 'read') props.caseData.grantReadCases(fn.role);
    else props.caseData.grantReadWriteCases(fn.role);
    if (spec.sendsToIntakeQueue) props.intakeQueue.queue.grantSendMessages(fn.role);
    if (spec.usesIdempotencyTable) props.idempotencyData.grantReadWriteRecords(fn.role);
    mail?.grantSend(fn.role);
    slaWatch?.grantStartWatch(fn.role);
    return fn;
  }

  private addRoute(
    route: ApiRoute,
    integration: apigateway.LambdaIntegration,
    requestValidator: apigateway.RequestValidator,
  ): void {
    const resource = this.api.root.resourceForPath(route.path);
    const requestParameters = Object.fromEntries(
      pathParameters(route.path).map((parameter) => [`method.request.path.${parameter}`, true]),
    );
    if (route.access === 'staff') {
      if (this.staffAuthorizer === undefined) throw new Error('IntakeApi: no staff authorizer');
      resource.addMethod(route.method, integration, {
        authorizationType: apigateway.AuthorizationType.COGNITO,
        authorizer: this.staffAuthorizer,
        requestValidator,
        requestParameters,
      });
      return;
    }
    const method = resource.addMethod(route.method, integration, {
      authorizationType: apigateway.AuthorizationType.NONE,
      requestValidator,
      requestParameters,
    });
    const reason =
      'Public complaint route: the complaint form and status page are anonymous by design (status needs the tracking token); staff routes get the Cognito authorizer.';
    Validations.of(method).acknowledge(
      { id: 'AwsSolutions-APIG4', reason },
      { id: 'AwsSolutions-COG4', reason },
    );
  }
}

/** A construct a function's spec asks for; its absence fails the synth with the function named. */
const requireProp = <T>(value: T | undefined, name: string, prop: string): T => {
  if (value === undefined) throw new Error(`IntakeApi: ${name} needs the ${prop} prop`);
  return value;
};

/** `submit-complaint` -> `SubmitComplaint`, a stable construct id per function. */
const functionId = (name: string): string =>
  name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
