import { clockPolicySchema } from '../../schemas/clock-policy-schema.js';
import { calendarRegistry } from '../calendar/calendar-registry.js';
import {
  DuplicateClockPolicyError,
  InvalidClockPolicyError,
  UnknownClockPolicyError,
} from './clock-policy-errors.js';
import type { ClockPolicy } from './clock-policy-types.js';
import { cn2020 } from './presets/cn-2020.js';
import { euPsd2 } from './presets/eu-psd2.js';
import { ukFcaDisp } from './presets/uk-fca-disp.js';
import { ukFcaDispPayments } from './presets/uk-fca-disp-payments.js';
import { usCfpb } from './presets/us-cfpb.js';

export const presetClockPolicies: readonly ClockPolicy[] = [
  cn2020,
  ukFcaDisp,
  ukFcaDispPayments,
  euPsd2,
  usCfpb,
];
export const presetClockPolicyIds = [
  'cn-2020',
  'uk-fca-disp',
  'uk-fca-disp-payments',
  'eu-psd2',
  'us-cfpb',
] as const;
export type PresetClockPolicyId = (typeof presetClockPolicyIds)[number];

export interface ClockPolicyRegistry {
  /** Throws UnknownClockPolicyError for an id nobody registered. */
  get(id: string): ClockPolicy;
  has(id: string): boolean;
  /** Validates and adds a policy; refuses a taken id or a default calendar that is not registered. */
  register(input: unknown): ClockPolicy;
  ids(): string[];
}

/** Parses a policy supplied as JSON; throws InvalidClockPolicyError naming each bad field. */
export const parseClockPolicy = (input: unknown): ClockPolicy => {
  const result = clockPolicySchema.safeParse(input);
  if (!result.success) {
    throw new InvalidClockPolicyError(
      result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  return Object.freeze(result.data);
};

export interface ClockPolicyRegistryOptions {
  initial?: readonly unknown[];
  /** How to tell whether a default calendar id exists; the process-wide calendar registry by default. */
  calendarExists?: (calendarId: string) => boolean;
}

export const createClockPolicyRegistry = (options: ClockPolicyRegistryOptions = {}): ClockPolicyRegistry => {
  const calendarExists = options.calendarExists ?? ((id: string) => calendarRegistry.has(id));
  const policies = new Map<string, ClockPolicy>();
  const register = (input: unknown): ClockPolicy => {
    const policy = parseClockPolicy(input);
    if (policies.has(policy.id)) throw new DuplicateClockPolicyError(policy.id);
    if (!calendarExists(policy.defaultCalendarId)) {
      throw new InvalidClockPolicyError([
        { path: 'defaultCalendarId', message: `no calendar ${policy.defaultCalendarId} is registered` },
      ]);
    }
    policies.set(policy.id, policy);
    return policy;
  };
  for (const policy of options.initial ?? presetClockPolicies) register(policy);
  return {
    get: (id) => {
      const policy = policies.get(id);
      if (!policy) throw new UnknownClockPolicyError(id);
      return policy;
    },
    has: (id) => policies.has(id),
    register,
    ids: () => [...policies.keys()],
  };
};

/** The process-wide registry: the presets plus any policy a bank registers at start-up. */
export const clockPolicyRegistry: ClockPolicyRegistry = createClockPolicyRegistry();

export const getClockPolicy = (id: string): ClockPolicy => clockPolicyRegistry.get(id);
export const registerClockPolicy = (input: unknown): ClockPolicy => clockPolicyRegistry.register(input);
export const clockPolicyIds = (): string[] => clockPolicyRegistry.ids();
