/**
 * An incoming e-mail as the gateway's rules see it: already parsed from MIME (charsets decoded,
 * encoded words resolved) by the mail adapter, with nothing AWS- or library-specific left.
 */
export interface InboundAddress {
  /** Lower-cased, trimmed. */
  address: string;
  name?: string;
}

export interface InboundAttachment {
  filename?: string;
  contentType: string;
  size: number;
  content: Uint8Array;
}

export interface InboundMail {
  /** Without angle brackets; undefined when the mail has none. */
  messageId?: string;
  /** Message ids (without angle brackets) from In-Reply-To and References, newest last. */
  inReplyTo: string[];
  references: string[];
  from?: InboundAddress;
  /** `null` when the Return-Path is empty (`<>`), as bounces have; undefined when absent. */
  returnPath?: string | null;
  to: InboundAddress[];
  cc: InboundAddress[];
  subject: string;
  date?: string;
  /** Every header, names lower-cased, values as sent (decoded), in order. */
  headers: Record<string, string[]>;
  /** Top-level media type, e.g. `multipart/report` for delivery-status reports. */
  contentType: string;
  text?: string;
  html?: string;
  attachments: InboundAttachment[];
  /** Size of the raw MIME in bytes, as received. */
  rawSize?: number;
  /**
   * SHA-256 (hex) of the raw MIME: the idempotency key when the mail has no Message-ID, since a
   * redelivered object is byte-for-byte the same.
   */
  rawSha256?: string;
}
