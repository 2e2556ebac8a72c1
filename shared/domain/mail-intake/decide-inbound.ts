import type { CaseStatus } from '../case/case-types.js';
import type { AutomatedKind, InboundClassification } from './classify-inbound.js';
import type { InboundMail } from './inbound-mail.js';
import { normaliseAddress } from './mail-headers.js';
import { type MailVerdicts, senderLooksForged } from './mail-verdicts.js';

/** A case the mail points at, as the gateway found it (by subject reference or by replied-to id). */
export interface ThreadedCase {
  reference: string;
  customerEmail?: string;
  status: CaseStatus;
}

export type InboundDecision =
  | { action: 'drop'; kind: AutomatedKind; reason: string }
  | { action: 'quarantine'; reason: string }
  | { action: 'attach'; reference: string }
  | {
      action: 'new_case';
      claimsToReplyTo?: string;
      /** The mail failed authentication: its case is flagged for staff and nothing is mailed back. */
      senderUnverified?: boolean;
    };

export interface DecideInboundInput {
  mail: InboundMail;
  classification: InboundClassification;
  verdicts: MailVerdicts;
  /** The case named by the first reference in the subject that exists. */
  subjectCase?: ThreadedCase;
  /** The case of the first In-Reply-To / References id that is one of our sent mails. */
  repliedCase?: ThreadedCase;
}

const belongsToSender = (found: ThreadedCase, sender: string | undefined): boolean =>
  sender !== undefined &&
  sender !== '' &&
  found.customerEmail !== undefined &&
  normaliseAddress(found.customerEmail) === sender;

/**
 * What the gateway does with one inbound mail. A mail joins a case only when it comes from
 * that case's customer address and nothing says the From is forged; anyone else pointing at a
 * case gets a case of their own flagged with the reference they claimed, so a stranger's words
 * never land in another customer's file and nobody's complaint is lost either.
 *
 * The case status does not matter: a reply to a closed case is still the customer's word on
 * it, and reopening or a review is the case's business, not the gateway's.
 */
export const decideInbound = (input: DecideInboundInput): InboundDecision => {
  const { mail, classification, verdicts } = input;
  if (verdicts.virus === 'fail') return { action: 'quarantine', reason: 'X-SES-Virus-Verdict: FAIL' };
  if (classification.kind !== 'normal') {
    return { action: 'drop', kind: classification.kind, reason: classification.reason };
  }

  const sender = mail.from === undefined ? undefined : normaliseAddress(mail.from.address);
  const candidates: ThreadedCase[] = [];
  for (const found of [input.subjectCase, input.repliedCase]) {
    if (found !== undefined && !candidates.some((seen) => seen.reference === found.reference))
      candidates.push(found);
  }
  // Our subject line travels with every forward (Fwd:/转发:), so a forward carries a reference to
  // whoever receives it; only the sender check decides, whatever the subject says.
  const forged = senderLooksForged(verdicts);
  if (!forged) {
    const own = candidates.find((found) => belongsToSender(found, sender));
    if (own !== undefined) return { action: 'attach', reference: own.reference };
  }
  const claimed = candidates[0];
  return {
    action: 'new_case',
    ...(claimed === undefined ? {} : { claimsToReplyTo: claimed.reference }),
    ...(forged ? { senderUnverified: true } : {}),
  };
};
