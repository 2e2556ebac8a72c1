/**
 * Why a stored mail could not be taken in at all. The gateway records the failed intake with
 * `reason`, lets the queue retry, and the dead-letter queue keeps what never parses; the raw
 * mail stays in S3 either way, so nothing is lost.
 */
export class MalformedMailError extends Error {
  override readonly name = 'MalformedMailError';
  readonly code = 'malformed_mail';
  readonly reason: string;

  constructor(reason: string) {
    super(`not a readable e-mail: ${reason}`);
    this.reason = reason;
  }
}

/** The raw mail is larger than the gateway parses; parsing it could exhaust the function's memory. */
export class OversizedMailError extends Error {
  override readonly name = 'OversizedMailError';
  readonly code = 'oversized_mail';
  readonly reason: string;
  readonly size: number;
  readonly limit: number;

  constructor(size: number, limit: number) {
    const reason = `raw mail is ${size} bytes, the limit is ${limit}`;
    super(`e-mail too large: ${reason}`);
    this.reason = reason;
    this.size = size;
    this.limit = limit;
  }
}

export type MailIntakeError = MalformedMailError | OversizedMailError;
