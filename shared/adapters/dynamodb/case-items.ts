import { z } from 'zod';
import type { CaseEvent, ComplaintCase } from '../../domain/case/case-types.js';
import { type CaseEffect, type OutboxRecord, outboxRecordSchema } from '../../schemas/case-effect-schema.js';
import { storedCaseEventSchema, storedCaseSchema } from '../../schemas/stored-case-schema.js';
import { caseTable } from './case-table.js';
import { type ItemKey, indexKeys, itemKeys, keyPrefixes } from './table-keys.js';

/**
 * How cases, events and identity entries become items (keys in table-keys.ts). The domain
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

const { sortKey } = caseTable;
const { dueByTime } = caseTable.indexes;

export type Item = Record<string, unknown>;

// Kept under their old names for the modules that read them from here.
export { dueShardFor, dueShards } from './table-keys.js';
export const outboxSortKeyPrefix = keyPrefixes.outbox;

/**
 * `<reference>/v<version>/<n>`: the change (the case version it wrote) and the effect's place in
 * it. Stable across retries of the same change, unique across changes.
 */
export const outboxId = (reference: string, version: number, index: number): string =>
  `${reference}/v${version}/${index}`;

const outboxIdTail = /^v(\d{1,8})\/(\d{1,2})$/;

/** The key of the outbox item an id names; an id of another case is refused. */
export const outboxItemKey = (reference: string, id: string): ItemKey => {
  const prefix = `${reference}/`;
  const match = id.startsWith(prefix) ? outboxIdTail.exec(id.slice(prefix.length)) : null;
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new RangeError(`not an outbox id of ${reference}: ${id}`);
  }
  return itemKeys.outbox(reference, Number(match[1]), Number(match[2]));
};

export const toOutboxItems = (
  complaint: Pick<ComplaintCase, 'reference' | 'version'>,
  effects: readonly CaseEffect[],
  createdAt: string,
): Item[] =>
  effects.map((effect, index) => {
    const id = outboxId(complaint.reference, complaint.version, index);
    const record: OutboxRecord = { id, reference: complaint.reference, createdAt, effect };
    return {
      ...itemKeys.outbox(complaint.reference, complaint.version, index),
      [itemAttributes.outbox]: record,
    };
  });

/**
 * The whole case item. Omitting the index attributes (a Put replaces the item) is what takes
 * a case out of the sparse due index or off a branch.
 */
export const toCaseItem = (complaint: ComplaintCase, dueAt: string | undefined): Item => ({
  ...itemKeys.case(complaint.reference),
  [itemAttributes.version]: complaint.version,
  [itemAttributes.case]: complaint,
  ...(dueAt === undefined ? {} : indexKeys.dueByTime(complaint.reference, dueAt)),
  // Index keys cannot be empty strings; an empty branch code means no branch.
  ...(complaint.branchCode === undefined || complaint.branchCode === ''
    ? {}
    : indexKeys.byBranch(complaint.branchCode, complaint)),
});

export const toEventItem = (event: CaseEvent): Item => ({
  ...itemKeys.event(event.reference, event.seq),
  [itemAttributes.event]: event,
});

export const toIdentityItem = (identityHash: string, complaint: ComplaintCase): Item => ({
  ...itemKeys.identity(identityHash, complaint),
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
