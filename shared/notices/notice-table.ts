import type { OutgoingMail } from '../adapters/ses/mailer.js';
import { statusPath } from '../config/intake-settings.js';
import type { ComplaintCase } from '../domain/case/case-types.js';
import { mayMailCustomer } from '../domain/effects/customer-mail-allowed.js';
import type { EscalationLadder } from '../domain/escalation/escalation-ladder.js';
import type { CaseEffect, CustomerNotice } from '../schemas/case-effect-schema.js';
import { renderAcknowledgement } from '../templates/acknowledgement.js';
import type { RenderedEmail } from '../templates/bilingual-email.js';
import {
  type CustomerNoticeInput,
  renderDecisionNotice,
  renderExtensionNotice,
  renderPauseNotice,
  renderResumeNotice,
  renderReviewDecisionNotice,
  renderReviewReceivedNotice,
} from '../templates/customer-notices.js';
import { slaNotice } from '../templates/sla-notices.js';
import type { ContactDirectory } from './contact-directory.js';

export interface NoticeContext {
  contacts: ContactDirectory;
  ladder: EscalationLadder;
  /** The bank's zone, in which every date is shown. */
  timeZone: string;
  publicBaseUrl: string;
  /** Replies to customer notices go here, so they thread back to the case. */
  complaintsAddress: string;
  now: Date;
}

type MailEffect = Exclude<CaseEffect, { kind: 'start_watch' }>;

/** The name a notice is recorded and counted under: a small fixed set the code defines. */
export type NoticeName =
  | 'acknowledgement'
  | CustomerNotice['type']
  | Extract<CaseEffect, { kind: 'sla_notice' }>['action']['kind'];

/** A notice ready to send, with the name it is recorded under on the case. */
export interface ComposedNotice {
  notice: NoticeName;
  mail: OutgoingMail;
}

const renderCustomerNotice = (base: CustomerNoticeInput, notice: CustomerNotice): RenderedEmail => {
  switch (notice.type) {
    case 'extension':
      return renderExtensionNotice({ ...base, ...notice });
    case 'pause':
      return renderPauseNotice({ ...base, ...notice });
    case 'resume':
      return renderResumeNotice({ ...base, ...notice });
    case 'decision':
      return renderDecisionNotice({ ...base, ...notice });
    case 'review_received':
      return renderReviewReceivedNotice({ ...base, ...notice });
    case 'review_decision':
      return renderReviewDecisionNotice({ ...base, ...notice });
  }
};

/**
 * The notice table: for each kind of effect, the template and who receives it. Adding a notice
 * kind means one template and one entry here. Undefined when there is nobody to write to (a
 * customer without e-mail, a rung with no address): the effect is then done with nothing sent.
 */
export const composeNotice = async (
  c: ComplaintCase,
  effect: MailEffect,
  ctx: NoticeContext & { trackingToken?: string },
): Promise<ComposedNotice | undefined> => {
  switch (effect.kind) {
    case 'acknowledgement': {
      // A case opened by unauthenticated mail is never written to (see mayMailCustomer).
      if (!mayMailCustomer(c)) return undefined;
      const email = c.customer.email;
      const decideBy = c.deadlines?.decideBy;
      if (email === undefined || decideBy === undefined) return undefined;
      const desk = await ctx.contacts.deskFor(c.branchCode);
      const statusUrl =
        ctx.trackingToken === undefined
          ? `${ctx.publicBaseUrl}/`
          : `${ctx.publicBaseUrl}${statusPath(c.reference, ctx.trackingToken)}`;
      const mail = renderAcknowledgement({
        reference: c.reference,
        language: c.language,
        receivedAt: c.receivedAt,
        decideBy,
        contact: { name: desk.name, email: desk.email, ...(desk.phone ? { phone: desk.phone } : {}) },
        statusUrl,
        timeZone: ctx.timeZone,
      });
      return { notice: 'acknowledgement', mail: { to: [email], replyTo: [ctx.complaintsAddress], ...mail } };
    }
    case 'customer_notice': {
      if (!mayMailCustomer(c)) return undefined;
      const email = c.customer.email;
      if (email === undefined) return undefined;
      const desk = await ctx.contacts.deskFor(c.branchCode);
      const mail = renderCustomerNotice(
        {
          reference: c.reference,
          language: c.language,
          contact: { name: desk.name, email: desk.email, ...(desk.phone ? { phone: desk.phone } : {}) },
          timeZone: ctx.timeZone,
        },
        effect.notice,
      );
      return { notice: effect.notice.type, mail: { to: [email], replyTo: [ctx.complaintsAddress], ...mail } };
    }
    case 'sla_notice': {
      const notice = slaNotice(c, effect.action, {
        now: ctx.now,
        ladder: ctx.ladder,
        timeZone: ctx.timeZone,
      });
      const to = await ctx.contacts.addressesFor(c.branchCode, notice.recipients);
      if (to.length === 0) return undefined;
      return {
        notice: effect.action.kind,
        mail: { to, subject: notice.subject, text: notice.text, html: notice.html },
      };
    }
  }
};
