import { createHash } from 'node:crypto';
import { caseTable } from './case-table.js';

/**
 * Every kind of item in the case table and the keys it is stored under: the one place a key
 * string is built. The formats are what stored data already holds, so none may change without a
 * migration; test/unit/table-keys.test.ts pins each one.
 *
 * | kind           | pk                                   | sk                                        |
 * | -------------- | ------------------------------------ | ----------------------------------------- |
 * | case           | CASE#<reference>                     | CASE                                      |
 * | event          | CASE#<reference>                     | EVENT#<seq, 8 digits>                     |
 * | outbox         | CASE#<reference>                     | OUTBOX#<case version, 8 digits>#<n, 2>    |
 * | identity       | CUSTOMER#<sha-256 of one identifier> | <receivedAt>#<reference>                  |
 * | intakeClaim    | CLAIM#<Idempotency-Key claim id>     | CLAIM                                     |
 * | branch         | BRANCH                               | BRANCH#<branch code>                      |
 * | sentMessage    | MESSAGE#<sha-256 of the Message-ID>  | MESSAGE                                   |
 * | inboundMailLog | MAILLOG#<UTC day>                    | <receivedAt>#<S3 object key>              |
 * | branchChange   | BRANCHCHANGE#<branch code>           | CHANGE#<branch version, 8 digits>         |
 * | inboundMessage | INBOUND#<sha-256 of the Message-ID>  | FROM#<sha-256 of the sender address>      |
 * | mailStorm      | STORM#<sha-256 of sender + subject>  | STORM                                     |
 * | ackRate        | ACKRATE#<sha-256 of the address>     | WINDOW#<hours since the epoch>            |
 *
 * Index keys exist on case items only: due-by-time (dueShard DUE#<0..3>, dueAt) while a clock
 * runs, by-branch (branchCode, <receivedAt>#<reference>) while the case has a branch.
 */

const { partitionKey, sortKey } = caseTable;
const { dueByTime, byBranch } = caseTable.indexes;

export type ItemKey = { [partitionKey]: string; [sortKey]: string };

const itemKey = (pk: string, sk: string): ItemKey => ({ [partitionKey]: pk, [sortKey]: sk });

/** Prefixes of the key values, for queries by prefix (the stream filter, a case's ledger). */
export const keyPrefixes = {
  case: 'CASE#',
  event: 'EVENT#',
  outbox: 'OUTBOX#',
  customer: 'CUSTOMER#',
  claim: 'CLAIM#',
  branch: 'BRANCH#',
  message: 'MESSAGE#',
  mailLog: 'MAILLOG#',
  dueShard: 'DUE#',
  branchChange: 'BRANCHCHANGE#',
  change: 'CHANGE#',
  inboundMessage: 'INBOUND#',
  from: 'FROM#',
  mailStorm: 'STORM#',
  ackRate: 'ACKRATE#',
  window: 'WINDOW#',
} as const;

/** Sort key of a case item, the one item in its partition without a prefix after it. */
export const caseSortKey = 'CASE';
/** The single partition that holds every branch. */
export const branchPartitionKey = 'BRANCH';
const claimSortKey = 'CLAIM';
const messageSortKey = 'MESSAGE';

const maxEventSeq = 99_999_999;
const maxCaseVersion = 99_999_999;
const maxEffectsPerChange = 99;
const maxBranchVersion = 99_999_999;

const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

const assertInRange = (value: number, min: number, max: number, what: string): void => {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} out of range: ${value}`);
  }
};

export const casePartitionKey = (reference: string): string => `${keyPrefixes.case}${reference}`;

export const customerPartitionKey = (identityHash: string): string =>
  `${keyPrefixes.customer}${identityHash}`;

/** The inbound mail log of one UTC day (`YYYY-MM-DD`). */
export const mailLogPartitionKey = (day: string): string => `${keyPrefixes.mailLog}${day}`;

/** Every sender that used one inbound Message-ID (compared case-insensitively, stored as a digest). */
export const inboundMessagePartitionKey = (messageId: string): string =>
  `${keyPrefixes.inboundMessage}${createHash('sha256').update(messageId.toLowerCase(), 'utf8').digest('hex')}`;

/** Every recorded change of one branch. */
export const branchChangePartitionKey = (code: string): string => `${keyPrefixes.branchChange}${code}`;

/** Eight digits keep the ledger's string order equal to its numeric order. */
const eventSortKey = (seq: number): string => {
  assertInRange(seq, 1, maxEventSeq, 'event seq');
  return `${keyPrefixes.event}${String(seq).padStart(8, '0')}`;
};

/** `<receivedAt>#<reference>`: sorts by time and stays unique per case. */
const receivedSortKey = (complaint: { receivedAt: string; reference: string }): string =>
  `${complaint.receivedAt}#${complaint.reference}`;

/** One key builder per item kind; the kinds are this object's keys. */
export const itemKeys = {
  case: (reference: string): ItemKey => itemKey(casePartitionKey(reference), caseSortKey),

  event: (reference: string, seq: number): ItemKey => itemKey(casePartitionKey(reference), eventSortKey(seq)),

  /** Sorts after the events, by the change that wrote it, then its place in that change. */
  outbox: (reference: string, caseVersion: number, index: number): ItemKey => {
    assertInRange(caseVersion, 0, maxCaseVersion, 'case version');
    assertInRange(index, 0, maxEffectsPerChange, 'effect index');
    const version = String(caseVersion).padStart(8, '0');
    return itemKey(
      casePartitionKey(reference),
      `${keyPrefixes.outbox}${version}#${String(index).padStart(2, '0')}`,
    );
  },

  /** A repeat-complainant lookup entry; the hash comes from customer-identity-keys.ts. */
  identity: (identityHash: string, complaint: { receivedAt: string; reference: string }): ItemKey =>
    itemKey(customerPartitionKey(identityHash), receivedSortKey(complaint)),

  /** The Idempotency-Key claim of an intake request, written with the case it created. */
  intakeClaim: (claimId: string): ItemKey => itemKey(`${keyPrefixes.claim}${claimId}`, claimSortKey),

  branch: (code: string): ItemKey => itemKey(branchPartitionKey, `${keyPrefixes.branch}${code}`),

  /** Message-IDs compare case-insensitively here, and only their digest is a key. */
  sentMessage: (messageId: string): ItemKey =>
    itemKey(`${keyPrefixes.message}${sha256Hex(messageId.toLowerCase())}`, messageSortKey),

  /** One change of a branch (who, when, before, after), keyed by the branch version it wrote. */
  branchChange: (code: string, version: number): ItemKey => {
    assertInRange(version, 1, maxBranchVersion, 'branch version');
    return itemKey(
      branchChangePartitionKey(code),
      `${keyPrefixes.change}${String(version).padStart(8, '0')}`,
    );
  },

  inboundMailLog: (receivedAt: string, objectKey: string): ItemKey =>
    itemKey(mailLogPartitionKey(receivedAt.slice(0, 10)), `${receivedAt}#${objectKey}`),

  /**
   * One inbound Message-ID as one sender used it; the partition lists every sender that used the
   * id, so a reuse by another sender is seen. Only digests are keys.
   */
  inboundMessage: (messageId: string, senderDigest: string): ItemKey =>
    itemKey(inboundMessagePartitionKey(messageId), `${keyPrefixes.from}${senderDigest}`),

  /** The case an unmarked auto-reply storm opened (the key is already a digest). */
  mailStorm: (stormKey: string): ItemKey => itemKey(`${keyPrefixes.mailStorm}${stormKey}`, 'STORM'),

  /** Acknowledgements sent to one address (its digest) in one hour. */
  ackRate: (addressDigest: string, window: number): ItemKey =>
    itemKey(`${keyPrefixes.ackRate}${addressDigest}`, `${keyPrefixes.window}${window}`),
} as const;

export type ItemKind = keyof typeof itemKeys;

export const dueShards: readonly string[] = Array.from(
  { length: caseTable.dueShardCount },
  (_, shard) => `${keyPrefixes.dueShard}${shard}`,
);

/** A stable shard per reference, so rewriting a case never moves it between shards. */
export const dueShardFor = (reference: string): string => {
  const bucket = createHash('sha256').update(reference, 'utf8').digest().readUInt32BE(0) % dueShards.length;
  const shard = dueShards[bucket];
  if (shard === undefined) throw new Error(`no due shard ${bucket}`);
  return shard;
};

/** The index keys of a case item (only case items carry any). */
export const indexKeys = {
  dueByTime: (reference: string, dueAt: string) => ({
    [dueByTime.partitionKey]: dueShardFor(reference),
    [dueByTime.sortKey]: dueAt,
  }),
  byBranch: (branchCode: string, complaint: { receivedAt: string; reference: string }) => ({
    [byBranch.partitionKey]: branchCode,
    [byBranch.sortKey]: receivedSortKey(complaint),
  }),
} as const;
