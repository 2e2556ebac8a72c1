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

/** The case an auto-reply storm opened, and when. */
export interface StormEntry {
  reference: string;
  openedAt: string;
}

/** Whether an inbound Message-ID was seen before, and from whom (by digest only). */
export type MessageIdUse = 'first' | 'same_sender' | 'other_sender';

/**
 * What the gateway and the effects processor remember about senders, by digest only (never an
 * address): which Message-IDs each sender used, which case a storm of one sender's mail opened,
 * and how many acknowledgements one address has been sent this hour.
 */
export interface SenderLedger {
  /** Records that `senderDigest` used `messageId`; says whether another sender used it before. */
  useMessageId(messageId: string, senderDigest: string, now: Date): Promise<MessageIdUse>;
  stormCase(stormKey: string): Promise<StormEntry | undefined>;
  rememberStorm(stormKey: string, entry: StormEntry): Promise<void>;
  /**
   * Counts one acknowledgement to the address (digest) in the hour `window`, unless `max` were
   * counted already: true when this one may go out.
   */
  takeAcknowledgement(addressDigest: string, window: number, max: number): Promise<boolean>;
}
