import { Token } from 'aws-cdk-lib';
import type { AppEnvironment } from '../../shared/config/app-config.js';
import type { IntakeSettings } from '../../shared/config/intake-settings.js';
import { type RoutingRules, routingRulesSchema } from '../../shared/config/routing-rules.js';
import { type StaffDirectory, staffDirectorySchema } from '../../shared/config/staff-directory.js';

/**
 * Pieces of a function's environment, written with the names the app's config parses
 * (`AppEnvironment`), so a misspelt or retired variable does not compile. Values are checked
 * here as the handler will check them, so a bad value fails the synth, not a cold start.
 */

/** The bank-wide intake settings. */
export const intakeSettingsEnvironment = (settings: IntakeSettings) => {
  const url = settings.publicBaseUrl;
  // Status links in every acknowledgement are built from it; a loopback or plain-http default
  // reaching AWS would send customers nowhere.
  if (!Token.isUnresolved(url) && new URL(url).protocol !== 'https:') {
    throw new Error(`publicBaseUrl must be an https URL in AWS, got ${url}`);
  }
  return {
    BANK_TIME_ZONE: settings.timeZone,
    DEFAULT_CLOCK_POLICY: settings.defaultClockPolicyId,
    DEFAULT_CALENDAR: settings.defaultCalendarId,
    PUBLIC_BASE_URL: url,
  } satisfies AppEnvironment;
};

/** `ROUTING_RULES`, or nothing (the handler then uses the sample rules). */
export const routingEnvironment = (rules: RoutingRules | undefined): AppEnvironment =>
  rules === undefined ? {} : { ROUTING_RULES: JSON.stringify(routingRulesSchema.parse(rules)) };

/** What a function that sends mail needs of the SES identity. */
export const mailEnvironment = (mail: {
  senderAddress: string;
  complaintsAddress: string;
  configurationSetName?: string;
}): AppEnvironment => ({
  SENDER_ADDRESS: mail.senderAddress,
  COMPLAINTS_ADDRESS: mail.complaintsAddress,
  ...(mail.configurationSetName === undefined ? {} : { SES_CONFIGURATION_SET: mail.configurationSetName }),
});

/** Lambda allows 4 KB of environment in all; the directory must leave room for the rest. */
export const maxStaffDirectoryBytes = 3 * 1024;

/** `STAFF_DIRECTORY`, or nothing (the sample directory applies). */
export const staffDirectoryEnvironment = (directory: StaffDirectory | undefined): AppEnvironment => {
  if (directory === undefined) return {};
  const json = JSON.stringify(staffDirectorySchema.parse(directory));
  const bytes = Buffer.byteLength(json);
  if (bytes > maxStaffDirectoryBytes) {
    throw new Error(
      `the staff directory is ${bytes} bytes as JSON; at most ${maxStaffDirectoryBytes} fit in the Lambda environment`,
    );
  }
  return { STAFF_DIRECTORY: json };
};
