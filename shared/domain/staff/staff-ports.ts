import type { Branch, BranchInput } from '../../schemas/staff-branch-schema.js';
import type { BranchPage } from '../case/case-store.js';

/** The bank's branches as the admin maintains them. */
export interface BranchDirectory {
  list(): Promise<Branch[]>;
  get(code: string): Promise<Branch | undefined>;
  /** Creates or replaces the branch; answers whether it existed before. */
  put(code: string, input: BranchInput, now: Date): Promise<{ branch: Branch; created: boolean }>;
}

/**
 * Every case, one page at a time, for lists that filter in memory. A page may hold fewer cases
 * than asked (even none) while a cursor still comes back; the walk ends without a cursor.
 */
export interface CaseWalker {
  page(cursor: string | undefined, limit: number): Promise<BranchPage>;
}
