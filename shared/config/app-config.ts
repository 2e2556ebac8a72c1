import { z } from 'zod';
import { parseEnvironment } from './environment.js';
import { defaultIntakeSettings, type IntakeSettings } from './intake-settings.js';
import { type RoutingRules, routingRulesSchema, sampleRoutingRules } from './routing-rules.js';
import { LOCAL_STAFF_AUDIENCE } from './staff-audience.js';
import { type StaffDirectory, sampleStaffDirectory, staffDirectorySchema } from './staff-directory.js';

/**
 * Every environment variable any Redress function reads, named once. The CDK builds each
 * function's environment with these names (typed by `AppEnvironment`), each Lambda parses its
 * environment with this schema once at cold start, and the local runtime fills in the same names.
 * What a function cannot run without is checked by `createApp` when that function's service is
 * built, so a missing variable stops the cold start with its name.
 */
const appVariables = {
  AWS_REGION: z.string().min(1),
  TABLE_NAME: z.string().min(3),
  IDEMPOTENCY_TABLE_NAME: z.string().min(3).optional(),
  INTAKE_QUEUE_URL: z.url().optional(),
  ATTACHMENTS_BUCKET: z.string().min(3).optional(),
  SLA_STATE_MACHINE_ARN: z.string().startsWith('arn:').optional(),
  TOKEN_SEAL_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /** The SES identity notices are sent from. */
  SENDER_ADDRESS: z.email().optional(),
  /** Where customers write and reply to; notices carry it as Reply-To. */
  COMPLAINTS_ADDRESS: z.email().optional(),
  /** Configuration set whose event destination records deliveries on the case. */
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  BANK_TIME_ZONE: z.string().min(1).default(defaultIntakeSettings.timeZone),
  DEFAULT_CLOCK_POLICY: z.string().min(1).default(defaultIntakeSettings.defaultClockPolicyId),
  DEFAULT_CALENDAR: z.string().min(1).default(defaultIntakeSettings.defaultCalendarId),
  /** Base of the status and form links in e-mails, e.g. https://complaints.bank.example */
  PUBLIC_BASE_URL: z.url().optional(),
  /** JSON routing rules (first-responder desks); the sample rules apply when unset. */
  ROUTING_RULES: z.string().optional(),
  /** JSON staff directory (named staff and head office); the sample applies when unset. */
  STAFF_DIRECTORY: z.string().optional(),
  /**
   * The staff console's user pool client id: staff handlers accept only ID tokens whose `aud` is
   * this. The CDK sets it on every staff function; unset (locally) it is the dev tokens' audience.
   */
  STAFF_CLIENT_ID: z.string().min(1).default(LOCAL_STAFF_AUDIENCE),
};

export type AppVariable = keyof typeof appVariables;

/** A function's environment as the CDK writes it: only names the app reads compile. */
export type AppEnvironment = Partial<Record<AppVariable, string>>;

/** JSON in a variable, parsed by its schema; a problem names the variable. */
const jsonVariable = <T>(name: AppVariable, schema: z.ZodType<T>, fallback: T) =>
  z
    .string()
    .optional()
    .transform((text, context): T => {
      if (text === undefined) return fallback;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        context.addIssue({ code: 'custom', message: `${name} is not JSON` });
        return z.NEVER;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        context.addIssue({
          code: 'custom',
          message: `${name}: ${first?.path.join('.') ?? ''} ${first?.message ?? 'is not valid'}`.trim(),
        });
        return z.NEVER;
      }
      return parsed.data;
    });

const appConfigSchema = z
  .object({
    ...appVariables,
    ROUTING_RULES: jsonVariable('ROUTING_RULES', routingRulesSchema, sampleRoutingRules),
    STAFF_DIRECTORY: jsonVariable('STAFF_DIRECTORY', staffDirectorySchema, sampleStaffDirectory),
  })
  .transform((env) => ({
    region: env.AWS_REGION,
    tableName: env.TABLE_NAME,
    idempotencyTableName: env.IDEMPOTENCY_TABLE_NAME,
    intakeQueueUrl: env.INTAKE_QUEUE_URL,
    attachmentsBucket: env.ATTACHMENTS_BUCKET,
    slaStateMachineArn: env.SLA_STATE_MACHINE_ARN,
    tokenSealSecretArn: env.TOKEN_SEAL_SECRET_ARN,
    senderAddress: env.SENDER_ADDRESS,
    complaintsAddress: env.COMPLAINTS_ADDRESS,
    sesConfigurationSet: env.SES_CONFIGURATION_SET,
    timeZone: env.BANK_TIME_ZONE,
    defaultClockPolicyId: env.DEFAULT_CLOCK_POLICY,
    defaultCalendarId: env.DEFAULT_CALENDAR,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    routing: env.ROUTING_RULES satisfies RoutingRules,
    staffDirectory: env.STAFF_DIRECTORY satisfies StaffDirectory,
    staffClientId: env.STAFF_CLIENT_ID,
  }));

export type AppConfig = z.output<typeof appConfigSchema>;

/** Which variable each optional config value comes from, to name it when a function needs it. */
export const variableOf = {
  idempotencyTableName: 'IDEMPOTENCY_TABLE_NAME',
  intakeQueueUrl: 'INTAKE_QUEUE_URL',
  attachmentsBucket: 'ATTACHMENTS_BUCKET',
  slaStateMachineArn: 'SLA_STATE_MACHINE_ARN',
  tokenSealSecretArn: 'TOKEN_SEAL_SECRET_ARN',
  senderAddress: 'SENDER_ADDRESS',
  complaintsAddress: 'COMPLAINTS_ADDRESS',
  publicBaseUrl: 'PUBLIC_BASE_URL',
} as const satisfies Partial<Record<keyof AppConfig, AppVariable>>;

export class AppConfigError extends Error {
  override readonly name = 'AppConfigError';
}

/** Parses the environment once, at cold start; a bad or missing variable is named in the error. */
export const loadAppConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig =>
  parseEnvironment(appConfigSchema, env);

/** A value a function cannot run without; its absence names the variable. */
export const required = <Key extends keyof typeof variableOf>(
  config: AppConfig,
  key: Key,
  neededBy: string,
): NonNullable<AppConfig[Key]> => {
  const value = config[key];
  if (value === undefined || value === null) {
    throw new AppConfigError(`${variableOf[key]} is not set; ${neededBy} needs it`);
  }
  return value;
};

/** The intake settings the intake-side functions use. */
export const intakeSettingsOf = (config: AppConfig, neededBy: string): IntakeSettings => ({
  timeZone: config.timeZone,
  defaultClockPolicyId: config.defaultClockPolicyId,
  defaultCalendarId: config.defaultCalendarId,
  publicBaseUrl: required(config, 'publicBaseUrl', neededBy),
});
