import { z } from 'zod';
import { InvalidCursorError } from '../../domain/case/case-store.js';
import { caseTable } from './case-table.js';

/**
 * The by-branch cursor is the index's LastEvaluatedKey, base64url-encoded JSON. It only carries
 * keys (reference, branch, received time), never contact data. Decoding checks its shape and
 * that it was issued for the same branch, so a forged or mixed-up cursor cannot steer the query.
 */

const { partitionKey, sortKey } = caseTable;
const { byBranch } = caseTable.indexes;

const cursorKeySchema = z.strictObject({
  [partitionKey]: z.string().min(1),
  [sortKey]: z.string().min(1),
  [byBranch.partitionKey]: z.string().min(1),
  [byBranch.sortKey]: z.string().min(1),
});

export const encodeBranchCursor = (lastEvaluatedKey: Record<string, unknown>): string => {
  const key = cursorKeySchema.safeParse(lastEvaluatedKey);
  if (!key.success) throw new Error('by-branch query returned an unexpected LastEvaluatedKey');
  return Buffer.from(JSON.stringify(key.data), 'utf8').toString('base64url');
};

export const decodeBranchCursor = (cursor: string, branchCode: string): Record<string, string> => {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const key = cursorKeySchema.safeParse(json);
  if (!key.success || key.data[byBranch.partitionKey] !== branchCode) throw new InvalidCursorError();
  return key.data;
};
