import type {
  Branch,
  BranchChange,
  BranchChangeActor,
  BranchInput,
} from '../../schemas/staff-branch-schema.js';
import type { BranchPage } from '../case/case-store.js';

/** The bank's branches as the admin maintains them. */
export interface BranchDirectory {
  list(): Promise<Branch[]>;
  get(code: string): Promise<Branch | undefined>;
  /**
   * Creates or replaces the branch and records the change (who, when, before, after) in the same
   * write; answers whether it existed before. Without an actor the change is recorded as the
   * system's (the local runtime seeding its sample branches).
   */
  put(
    code: string,
    input: BranchInput,
    now: Date,
    actor?: BranchChangeActor,
  ): Promise<{ branch: Branch; created: boolean; change: BranchChange }>;
  /** Every recorded change of the branch, oldest first. */
  changes(code: string): Promise<BranchChange[]>;
}

/**
 * Every case, one page at a time, for lists that filter in memory. A page may hold fewer cases
 * than asked (even none) while a cursor still comes back; the walk ends without a cursor.
 */
export interface CaseWalker {
  page(cursor: string | undefined, limit: number): Promise<BranchPage>;
}
