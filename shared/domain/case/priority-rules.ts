import type { CustomerContact, Priority } from './case-types.js';

/** One reason a complaint goes into the green channel (绿色通道). */
export type GreenChannelRule =
  | { kind: 'age_at_least'; years: number }
  | { kind: 'vulnerable' }
  | { kind: 'urgent' };

/** Rules are data so a bank can tighten or widen its green channel without a release. */
export interface PriorityRules {
  greenChannel: readonly GreenChannelRule[];
}

/** What staff or the intake form know about the complaint itself, beyond the customer. */
export interface PriorityFlags {
  urgent?: boolean;
}

export const defaultPriorityRules: PriorityRules = {
  greenChannel: [{ kind: 'age_at_least', years: 70 }, { kind: 'vulnerable' }, { kind: 'urgent' }],
};

const matches = (rule: GreenChannelRule, customer: CustomerContact, flags: PriorityFlags): boolean => {
  switch (rule.kind) {
    case 'age_at_least':
      return customer.age !== undefined && customer.age >= rule.years;
    case 'vulnerable':
      return customer.vulnerable === true;
    case 'urgent':
      return flags.urgent === true;
  }
};

/** The rules that put this complaint in the green channel, so staff can see why. */
export const greenChannelReasons = (
  customer: CustomerContact,
  flags: PriorityFlags,
  rules: PriorityRules = defaultPriorityRules,
): GreenChannelRule[] => rules.greenChannel.filter((rule) => matches(rule, customer, flags));

export const priorityFor = (
  customer: CustomerContact,
  flags: PriorityFlags,
  rules: PriorityRules = defaultPriorityRules,
): Priority => (greenChannelReasons(customer, flags, rules).length > 0 ? 'green_channel' : 'normal');
