import { z } from 'zod';
import { defaultIntakeSettings, type IntakeSettings } from './intake-settings.js';
import { type RoutingRules, routingRulesSchema, sampleRoutingRules } from './routing-rules.js';
import { type StaffDirectory, sampleStaffDirectory, staffDirectorySchema } from './staff-directory.js';

/** Variables every intake-side function reads; the CDK sets them, each function parses them once. */
export const intakeSettingsVariables = {
  BANK_TIME_ZONE: z.string().min(1).default(defaultIntakeSettings.timeZone),
  DEFAULT_CLOCK_POLICY: z.string().min(1).default(defaultIntakeSettings.defaultClockPolicyId),
  DEFAULT_CALENDAR: z.string().min(1).default(defaultIntakeSettings.defaultCalendarId),
  PUBLIC_BASE_URL: z.url(),
};

const intakeSettingsSchema = z.object(intakeSettingsVariables);

export const intakeEnvironmentSchema = z.object({
  AWS_REGION: z.string().min(1),
  TABLE_NAME: z.string().min(3),
  INTAKE_QUEUE_URL: z.url(),
  ...intakeSettingsVariables,
});

export const intakeSettingsFrom = (env: z.infer<typeof intakeSettingsSchema>): IntakeSettings => ({
  timeZone: env.BANK_TIME_ZONE,
  defaultClockPolicyId: env.DEFAULT_CLOCK_POLICY,
  defaultCalendarId: env.DEFAULT_CALENDAR,
  publicBaseUrl: env.PUBLIC_BASE_URL,
});

/** Variables of the functions that send mail (their SES identity and configuration set). */
export const mailVariables = {
  SENDER_ADDRESS: z.email(),
  COMPLAINTS_ADDRESS: z.email(),
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
};

/** Variables of the functions that route complaints to a first responder. */
export const routingVariables = {
  /** JSON routing rules; the sample rules apply when unset. */
  ROUTING_RULES: z.string().optional(),
};

export const routingRulesFrom = (json: string | undefined): RoutingRules =>
  json === undefined ? sampleRoutingRules : routingRulesSchema.parse(JSON.parse(json));

/** Variables of the functions that name staff (the directory of named staff and head office). */
export const staffDirectoryVariables = {
  /** JSON staff directory; the sample applies when unset. */
  STAFF_DIRECTORY: z.string().optional(),
};

export const staffDirectoryFrom = (json: string | undefined): StaffDirectory =>
  json === undefined ? sampleStaffDirectory : staffDirectorySchema.parse(JSON.parse(json));

/** Variables of the functions that seal or unseal a customer's status token in the outbox. */
export const tokenSealVariables = {
  TOKEN_SEAL_SECRET_ARN: z.string().startsWith('arn:'),
};
