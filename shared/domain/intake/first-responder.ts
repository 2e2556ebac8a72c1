import type { Desk, RoutingRules } from '../../config/routing-rules.js';
import type { Branch } from '../../schemas/staff-branch-schema.js';

/**
 * 首问负责制 for complaints no employee took in person: the named branch's duty desk answers
 * first; an unknown or missing branch goes to the consumer-protection desk, never to nobody.
 * A branch the admin keeps through the staff API (`registered`) is known from the moment it is
 * saved, and its duty-desk address wins over the configured one; the configured rules still
 * give the desk's id, bilingual name and phone where they have them.
 */
export const firstResponderDesk = (
  rules: RoutingRules,
  branchCode: string | undefined,
  registered?: Branch,
): Desk => {
  if (branchCode === undefined) return rules.consumerProtectionDesk;
  const configured = rules.branches[branchCode]?.dutyDesk;
  if (registered === undefined || registered.code !== branchCode) {
    return configured ?? rules.consumerProtectionDesk;
  }
  return {
    id: configured?.id ?? `desk:${branchCode}`,
    name: configured?.name ?? { 'zh-CN': registered.name, en: registered.name },
    email: registered.contacts.dutyDesk,
    ...(configured?.phone === undefined ? {} : { phone: configured.phone }),
  };
};

/** The configured address of a desk by its id (the consumer-protection desk or a branch's). */
export const configuredDeskEmail = (rules: RoutingRules, deskId: string): string | undefined =>
  [rules.consumerProtectionDesk, ...Object.values(rules.branches).map((branch) => branch.dutyDesk)].find(
    (desk) => desk.id === deskId,
  )?.email;
