import { type SubmissionBody, validSubmission } from '../support/intake-fixtures.js';

/**
 * What the soak sends: N complaints through the public API, a tenth of them sent a second time
 * with the same Idempotency-Key (a client retrying), and N/20 mails to the complaints mailbox, of
 * which a quarter are customers replying about a complaint they filed on the web.
 */

export interface ApiComplaint {
  kind: 'api';
  index: number;
  key: string;
  body: SubmissionBody;
  email: string;
  subject: string;
  /** The references each send was answered with (a repeat must get the first one back). */
  answers: string[];
  /** Which runtime (0 = the first, 1 = after the first kill, ...) gave the first answer. */
  answeredBy?: number;
  problem?: string;
}

export interface MailComplaint {
  kind: 'mail';
  index: number;
  messageId: string;
  from: string;
  subject: string;
  text: string;
  delivered: boolean;
  problem?: string;
}

export interface MailReply {
  kind: 'reply';
  index: number;
  messageId: string;
  /** The web complaint this customer writes about; sent once that complaint has its reference. */
  about: ApiComplaint;
  text: string;
  delivered: boolean;
  problem?: string;
}

/** One thing a client does: send a complaint (or send it again), or send a mail. */
export type SoakTask =
  | { kind: 'submit'; complaint: ApiComplaint; repeat: boolean }
  | { kind: 'mail'; mail: MailComplaint }
  | { kind: 'reply'; reply: MailReply };

export interface SoakPlan {
  complaints: ApiComplaint[];
  mails: MailComplaint[];
  replies: MailReply[];
  /** In the order clients start them. */
  tasks: SoakTask[];
}

/** Every tenth complaint is sent twice; the repeat comes a little later, often while the first is in flight. */
const REPEAT_EVERY = 10;
const REPEAT_LAG = 24;
/** One mail for every twenty complaints; every fourth mail is a reply. */
const MAIL_EVERY = 20;
const REPLY_EVERY = 4;
/** A reply is about a complaint sent this many tasks earlier, so it usually has its reference. */
const REPLY_LAG = 60;

export const planSoak = (count: number, runId: string): SoakPlan => {
  const complaints: ApiComplaint[] = Array.from({ length: count }, (_, index) => {
    const email = `soak-${runId}-${index}@example.com`;
    const subject = `Soak ${runId} #${index}: annual fee charged twice`;
    return {
      kind: 'api',
      index,
      key: `soak-${runId}-${index}`,
      body: validSubmission({ customer: { name: `Caller ${index}`, email }, subject }),
      email,
      subject,
      answers: [],
    };
  });
  const mails: MailComplaint[] = [];
  const replies: MailReply[] = [];
  const tasks: SoakTask[] = [];
  const repeatsDue = new Map<number, ApiComplaint[]>();
  for (const complaint of complaints) {
    const { index } = complaint;
    tasks.push({ kind: 'submit', complaint, repeat: false });
    if (index % REPEAT_EVERY === 0) {
      const due = index + REPEAT_LAG;
      repeatsDue.set(due, [...(repeatsDue.get(due) ?? []), complaint]);
    }
    for (const repeated of repeatsDue.get(index) ?? []) {
      tasks.push({ kind: 'submit', complaint: repeated, repeat: true });
    }
    repeatsDue.delete(index);
    if (index % MAIL_EVERY !== MAIL_EVERY - 1) continue;
    const mailIndex = mails.length + replies.length;
    const about = complaints[index - REPLY_LAG];
    if (mailIndex % REPLY_EVERY === REPLY_EVERY - 1 && about !== undefined) {
      const reply: MailReply = {
        kind: 'reply',
        index: mailIndex,
        messageId: `<soak-${runId}-reply-${mailIndex}@example.com>`,
        about,
        text: `Further to my complaint: the second charge is on my statement of ${(mailIndex % 28) + 1} November.`,
        delivered: false,
      };
      replies.push(reply);
      tasks.push({ kind: 'reply', reply });
    } else {
      const mail: MailComplaint = {
        kind: 'mail',
        index: mailIndex,
        messageId: `<soak-${runId}-mail-${mailIndex}@example.com>`,
        from: `soak-${runId}-mail-${mailIndex}@example.com`,
        subject: `Soak ${runId} mail #${mailIndex}: transfer failed but the money left my account`,
        text: 'I sent 5,000 yuan by mobile banking; the app said it failed, but the account was debited.',
        delivered: false,
      };
      mails.push(mail);
      tasks.push({ kind: 'mail', mail });
    }
  }
  for (const repeated of [...repeatsDue.values()].flat()) {
    tasks.push({ kind: 'submit', complaint: repeated, repeat: true });
  }
  return { complaints, mails, replies, tasks };
};

/** The subject a customer's reply carries: the reference in brackets, as mail clients keep it. */
export const replySubject = (reference: string): string =>
  `Re: [${reference}] 投诉受理通知 / Complaint received`;
