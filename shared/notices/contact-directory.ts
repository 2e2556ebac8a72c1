import type { Desk, RoutingRules } from '../config/routing-rules.js';
import { ladderEmail, type StaffDirectory, staffEmail } from '../config/staff-directory.js';
import { configuredDeskEmail } from '../domain/intake/first-responder.js';
import type { SlaRecipient } from '../domain/sla/sla-recipients.js';
import { branchLadderContact } from '../domain/staff/branch-contacts.js';
import type { BranchDirectory } from '../domain/staff/staff-ports.js';
import { lookUpBranchDesk } from '../intake/branch-desk.js';

export interface ContactSources {
  /** The branches the admin keeps: duty desk and the holders of each rung, read at each notice. */
  branches: Pick<BranchDirectory, 'get'>;
  /** The configured duty desks that answer first. */
  routing: RoutingRules;
  /** Named staff, and ladder rungs of a branch nobody registered. */
  directory: StaffDirectory;
}

/**
 * The one place that answers "who is that, and where do we write to them": the desk named to a
 * customer, and the addresses of the people a staff notice goes to. The admin's branch record
 * comes first, then the configured routing, then the staff directory.
 */
export interface ContactDirectory {
  /** The desk that answers first for a branch (named in customer notices as the contact). */
  deskFor(branchCode: string | undefined): Promise<Desk>;
  /** Addresses of the recipients of a staff notice about a case of `branchCode`, each once. */
  addressesFor(branchCode: string | undefined, recipients: readonly SlaRecipient[]): Promise<string[]>;
}

export const createContactDirectory = (sources: ContactSources): ContactDirectory => ({
  deskFor: async (branchCode) => (await lookUpBranchDesk(sources.branches, sources.routing, branchCode)).desk,
  addressesFor: async (branchCode, recipients) => {
    const { branch, desk } = await lookUpBranchDesk(sources.branches, sources.routing, branchCode);
    // The case's own branch desk as the admin keeps it; another desk (before a transfer) as
    // configured; a person from the staff directory.
    const personal = (staffId: string) =>
      staffId === desk.id
        ? desk.email
        : (configuredDeskEmail(sources.routing, staffId) ?? staffEmail(sources.directory, staffId));
    const emails = recipients.flatMap((recipient) => {
      const email =
        recipient.staffId !== undefined
          ? personal(recipient.staffId)
          : (branchLadderContact(branch, recipient.role) ??
            ladderEmail(sources.directory, branchCode, recipient.role));
      return email === undefined ? [] : [email];
    });
    return [...new Set(emails)];
  },
});
