import { Token } from 'aws-cdk-lib';
import type { IntakeSettings } from '../../shared/config/intake-settings.js';
import type { intakeSettingsVariables, routingVariables } from '../../shared/config/lambda-environment.js';
import { type RoutingRules, routingRulesSchema } from '../../shared/config/routing-rules.js';

/**
 * The bank-wide intake settings as the variables `intakeSettingsVariables` parses. Keyed by that
 * schema's own keys, so a variable added there does not compile here until it is set.
 */
export const intakeSettingsEnvironment = (
  settings: IntakeSettings,
): Record<keyof typeof intakeSettingsVariables, string> => {
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
  };
};

/**
 * `ROUTING_RULES` for a function that names first-responder desks, or nothing (the handler then
 * uses the sample rules). Parsed here as the handler parses it, so bad rules fail the synth,
 * not a cold start.
 */
export const routingEnvironment = (
  rules: RoutingRules | undefined,
): Partial<Record<keyof typeof routingVariables, string>> =>
  rules === undefined ? {} : { ROUTING_RULES: JSON.stringify(routingRulesSchema.parse(rules)) };
