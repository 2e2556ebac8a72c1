import type { CaseEffect, OutboxRecord } from '../../schemas/case-effect-schema.js';
import type { CaseEvent, ComplaintCase } from './case-types.js';

/** Contact identifiers of a complainant; any one of them may link a new complaint to earlier ones. */
export interface CustomerIdentity {
  email?: string;
  phone?: string;
  customerId?: string;
}

/** A case whose next clock point lies before the time asked about. */
export interface DueCase {
  dueAt: string;
  case: ComplaintCase;
}

export interface BranchPage {
  cases: ComplaintCase[];
  /** Opaque; pass it back to get the next page. Absent when there is nothing more to read. */
  cursor?: string;
}

/**
 * Where cases and their ledger live. The lifecycle decides what changes; the store only makes
 * each change atomic (the case and its new events together) and conditional on the version read.
 */
/**
 * An idempotency claim written in the same transaction as a new case: a retried request with
 * the same key finds the claim and gets the first answer, and the case and its claim exist
 * together or not at all (no duplicate complaint after a crash, however the retry is timed).
 */
export interface IntakeClaim {
  /** A digest of the client's key; the key itself is not stored. */
  id: string;
  /** A digest of the request body, to tell a retry from a different request with the same key. */
  fingerprint: string;
  /** What the first request answered, enough to answer a retry the same way. */
  response: Record<string, string>;
  /** When the claim may be forgotten (UTC ISO). */
  expiresAt: string;
}

/** An outbox record marked done in the same transaction as the change that records its outcome. */
export interface EffectCompletion {
  id: string;
  /** What happened, for the record: `sent <message id>`, `watch started`, `no recipient`. */
  outcome: string;
}

/** What travels with a case change besides its events. */
export interface CaseWriteExtras {
  /** Effects the change owes, written as outbox records in the same transaction. */
  effects?: readonly CaseEffect[];
  /** The outbox record this change completes (refused with EffectAlreadyDoneError if done). */
  completes?: EffectCompletion;
}

export interface CaseStore {
  /**
   * Stores a new case with its first events (and its intake claim, if given). Throws
   * CaseAlreadyExistsError if the reference is taken, IntakeClaimTakenError if the claim is.
   */
  create(
    complaint: ComplaintCase,
    events: readonly CaseEvent[],
    claim?: IntakeClaim,
    extras?: CaseWriteExtras,
  ): Promise<void>;
  getClaim(id: string): Promise<IntakeClaim | undefined>;
  get(reference: string): Promise<ComplaintCase | undefined>;
  /**
   * Replaces the case and appends `events`, only if the stored version is still `expectedVersion`
   * (otherwise StaleCaseVersionError). `updated.version` must be `expectedVersion + 1`.
   */
  save(
    updated: ComplaintCase,
    expectedVersion: number,
    events: readonly CaseEvent[],
    extras?: CaseWriteExtras,
  ): Promise<void>;
  /** One outbox record of a case, read consistently. */
  getEffect(reference: string, id: string): Promise<OutboxRecord | undefined>;
  /** Marks an outbox record done without changing the case; false when it already was. */
  completeEffect(reference: string, completion: EffectCompletion): Promise<boolean>;
  /** The whole ledger of a case in `seq` order. */
  listEvents(reference: string): Promise<CaseEvent[]>;
  /** Cases due strictly before `before`, earliest first, at most `limit` of them. */
  findDue(before: string, limit?: number): Promise<DueCase[]>;
  /** References of cases received at or after `since` from the same customer, each once, oldest first. */
  findByCustomer(identity: CustomerIdentity, since: string): Promise<string[]>;
  /**
   * Cases of a branch received in [`from`, `to`), oldest first, one page at a time.
   * A page can be empty while a cursor is still returned; the list ends when no cursor comes back.
   */
  listByBranch(
    branchCode: string,
    from: string,
    to: string,
    cursor?: string,
    limit?: number,
  ): Promise<BranchPage>;
}

export class IntakeClaimTakenError extends Error {
  override readonly name = 'IntakeClaimTakenError';
  constructor(readonly claimId: string) {
    super('This idempotency key was already used');
  }
}

export class CaseAlreadyExistsError extends Error {
  override readonly name = 'CaseAlreadyExistsError';
  constructor(readonly reference: string) {
    super(`Case ${reference} already exists`);
  }
}

/** Someone else saved the case since it was read: re-read, re-apply, retry. */
export class StaleCaseVersionError extends Error {
  override readonly name = 'StaleCaseVersionError';
  constructor(
    readonly reference: string,
    readonly expectedVersion: number,
  ) {
    super(`Case ${reference} is no longer at version ${expectedVersion}`);
  }
}

/** The outbox record was already done by an earlier try: its outcome is on record. */
export class EffectAlreadyDoneError extends Error {
  override readonly name = 'EffectAlreadyDoneError';
  constructor(readonly effectId: string) {
    super(`Effect ${effectId} is already done`);
  }
}

/** The write itself is malformed (wrong version step, events of another case, too many items). */
export class InvalidCaseWriteError extends Error {
  override readonly name = 'InvalidCaseWriteError';
  constructor(
    readonly reference: string,
    readonly reason: string,
  ) {
    super(`Invalid write for case ${reference}: ${reason}`);
  }
}

/** A pagination cursor that this store did not issue for this query. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super('Invalid pagination cursor');
  }
}
