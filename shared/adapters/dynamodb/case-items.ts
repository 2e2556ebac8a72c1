import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CaseEvent, ComplaintCase } from '../../domain/case/case-types.js';
import { type CaseEffect, type OutboxRecord, outboxRecordSchema } from '../../schemas/case-effect-schema.js';
import { storedCaseEventSchema, storedCaseSchema } from '../../schemas/stored-case-schema.js';
import { caseTable } from './case-table.js';

/**
 * How cases, events and identity entries become items (layout in case-table.ts). The domain
 * value is stored whole under one attribute, so no domain field can ever collide with a key or
 * index attribute; the index attributes sit beside it and exist only when they apply.
 */

/** Attributes the adapter adds besides the key and index attributes described in `caseTable`. */
export const itemAttributes = {
  /** The ComplaintCase on a case item. */
  case: 'case',
  /** The CaseEvent on an event item. */
  event: 'event',
  /** Copy of case.version at the top level: the optimistic-lock condition reads it. */
  version: 'version',
  /** The case reference on an identity item. */
  reference: 'reference',
  /** The OutboxRecord on an outbox item. */
  outbox: 'outbox',
} as const;

const { partitionKey, sortKey } = caseTable;
const { dueByTime, byBranch } = caseTable.indexes;

const caseSortKey = 'CASE';
export const eventSortKeyPrefix = 'EVENT#';
const maxEventSeq = 99_999_999;

export type Item = Record<string, unknown>;
export type ItemKey = Record<string, string>;

export const casePartitionKey = (reference: string): string => `CASE#${reference}`;

export const caseItemKey = (reference: string): ItemKey => ({
  [partitionKey]: casePartitionKey(reference),
  [sortKey]: caseSortKey,
});

/** Eight digits keep the ledger's string order equal to its numeric order. */
export const eventSortKey = (seq: number): string => {
  if (!Number.isInteger(seq) || seq < 1 || seq > maxEventSeq)
    throw new RangeError(`event seq out of range: ${seq}`);
  return `${eventSortKeyPrefix}${String(seq).padStart(8, '0')}`;
};

/** Outbox items sort after the events; the stream filter selects them by this prefix. */
export const outboxSortKeyPrefix = 'OUTBOX#';

/**
 * `<reference>/v<version>/<n>`: the change (the case version it wrote) and the effect's place in
 * it. Stable across retries of the same change, unique across changes.
 */
export const outboxId = (reference: string, version: number, index: number): string =>
  `${reference}/v${version}/${index}`;

const outboxIdPattern = /^(RD-[0-9A-Z-]+)\/v(\d{1,8})\/(\d{1,2})$/;

export const outboxItemKey = (reference: string, id: string): ItemKey => {
  const match = outboxIdPattern.exec(id);
  if (match === null || match[1] !== reference)
    throw new RangeError(`not an outbox id of ${reference}: ${id}`);
  return {
    [partitionKey]: casePartitionKey(reference),
    [sortKey]: `${outboxSortKeyPrefix}${(match[2] ?? '').padStart(8, '0')}#${(match[3] ?? '').padStart(2, '0')}`,
  };
};

export const toOutboxItems = (
  complaint: Pick<ComplaintCase, 'reference' | 'version'>,
  effects: readonly CaseEffect[],
  createdAt: string,
): Item[] =>
  effects.map((effect, index) => {
    const id = outboxId(complaint.reference, complaint.version, index);
    const record: OutboxRecord = { id, reference: complaint.reference, createdAt, effect };
    return { ...outboxItemKey(complaint.reference, id), [itemAttributes.outbox]: record };
  });

export const customerPartitionKey = (identityHash: string): string => `CUSTOMER#${identityHash}`;

/** `<receivedAt>#<reference>`: sorts by time and stays unique per case. */
export const receivedSortKey = (complaint: Pick<ComplaintCase, 'receivedAt' | 'reference'>): string =>
  `${complaint.receivedAt}#${complaint.reference}`;

export const dueShards: readonly string[] = Array.from(
  { length: caseTable.dueShardCount },
  (_, shard) => `DUE#${shard}`,
);

/** A stable shard per reference, so rewriting a case never moves it between shards. */
export const dueShardFor = (reference: string): string => {
  const bucket =
    createHash('sha256').update(reference, 'utf8').digest().readUInt32BE(0) % caseTable.dueShardCount;
  const shard = dueShards[bucket];
  if (shard === undefined) throw new Error(`no due shard ${bucket}`);
  return shard;
};

/**
 * The whole case item. Omitting the index attributes (a Put replaces the item) is what takes
 * a case out of the sparse due index or off a branch.
 */
export const toCaseItem = (complaint: ComplaintCase, dueAt: string | undefined): Item => {
  const item: Item = {
    ...caseItemKey(complaint.reference),
    [itemAttributes.version]: complaint.version,
    [itemAttributes.case]: complaint,
  };
  if (dueAt !== undefined) {
    item[dueByTime.partitionKey] = dueShardFor(complaint.reference);
    item[dueByTime.sortKey] = dueAt;
  }
  // Index keys cannot be empty strings; an empty branch code means no branch.
  if (complaint.branchCode !== undefined && complaint.branchCode !== '') {
    item[byBranch.partitionKey] = complaint.branchCode;
    item[byBranch.sortKey] = receivedSortKey(complaint);
  }
  return item;
};

export const toEventItem = (event: CaseEvent): Item => ({
  [partitionKey]: casePartitionKey(event.reference),
  [sortKey]: eventSortKey(event.seq),
  [itemAttributes.event]: event,
});

export const toIdentityItem = (identityHash: string, complaint: ComplaintCase): Item => ({
  [partitionKey]: customerPartitionKey(identityHash),
  [sortKey]: receivedSortKey(complaint),
  [itemAttributes.reference]: complaint.reference,
});

const caseItemSchema = z.object({ [itemAttributes.case]: storedCaseSchema });
const dueCaseItemSchema = z.object({
  [dueByTime.sortKey]: z.string(),
  [itemAttributes.case]: storedCaseSchema,
});
const eventItemSchema = z.object({ [itemAttributes.event]: storedCaseEventSchema });
const outboxItemSchema = z.object({ [itemAttributes.outbox]: outboxRecordSchema });
const identityItemSchema = z.object({ [sortKey]: z.string(), [itemAttributes.reference]: z.string().min(1) });

/** Parses a stored item; the error names the item but never echoes its content (personal data). */
const parseItem = <T>(schema: z.ZodType<T>, item: unknown, what: string): T => {
  const parsed = schema.safeParse(item);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((issue) => issue.path.join('.'));
    throw new Error(`Stored ${what} does not match its schema at: ${paths.join(', ')}`);
  }
  return parsed.data;
};

export const fromCaseItem = (item: unknown, reference: string): ComplaintCase =>
  parseItem(caseItemSchema, item, `case ${reference}`)[itemAttributes.case];

export const fromDueCaseItem = (item: unknown): { dueAt: string; case: ComplaintCase } => {
  const parsed = parseItem(dueCaseItemSchema, item, 'due case');
  return { dueAt: parsed[dueByTime.sortKey], case: parsed[itemAttributes.case] };
};

export const fromBranchCaseItem = (item: unknown): ComplaintCase =>
  parseItem(caseItemSchema, item, 'branch case')[itemAttributes.case];

export const fromEventItem = (item: unknown, reference: string): CaseEvent =>
  parseItem(eventItemSchema, item, `event of case ${reference}`)[itemAttributes.event];

export const fromIdentityItem = (item: unknown): { receivedSortKey: string; reference: string } => {
  const parsed = parseItem(identityItemSchema, item, 'identity entry');
  return { receivedSortKey: parsed[sortKey], reference: parsed[itemAttributes.reference] };
};

export const fromOutboxItem = (item: unknown): OutboxRecord =>
  parseItem(outboxItemSchema, item, 'outbox record')[itemAttributes.outbox];
