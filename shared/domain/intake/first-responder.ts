import type { Desk, RoutingRules } from '../../config/routing-rules.js';

/**
 * 首问负责制 for complaints no employee took in person: the named branch's duty desk answers
 * first; an unknown or missing branch goes to the consumer-protection desk, never to nobody.
 */
export const firstResponderDesk = (rules: RoutingRules, branchCode: string | undefined): Desk => {
  if (branchCode === undefined) return rules.consumerProtectionDesk;
  return rules.branches[branchCode]?.dutyDesk ?? rules.consumerProtectionDesk;
};
