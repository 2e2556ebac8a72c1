/**
 * What the e-mail gateway remembers besides cases: which case each mail we sent belongs to
 * (so a reply can be threaded by In-Reply-To), and a log of every inbound mail it did not
 * turn into a case message (dropped, quarantined, failed), so nothing disappears unrecorded.
 */
export interface SentMessageIndex {
  /** `messageId` without angle brackets, as it will appear in a reply's In-Reply-To. */
  remember(messageId: string, reference: string): Promise<void>;
  referenceFor(messageId: string): Promise<string | undefined>;
}

export type InboundOutcome = 'new_case' | 'attached' | 'dropped' | 'quarantined' | 'failed';

export interface InboundMailRecord {
  /** Where the raw mail is kept. */
  objectKey: string;
  messageId?: string;
  receivedAt: string;
  outcome: InboundOutcome;
  reason?: string;
  reference?: string;
  verdicts: Record<string, string>;
}

export interface InboundMailLog {
  record(entry: InboundMailRecord): Promise<void>;
  /** Entries of one UTC day, oldest first (for the audit and for tests). */
  listDay(day: string): Promise<InboundMailRecord[]>;
}
