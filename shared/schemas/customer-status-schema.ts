import { z } from 'zod';
import { caseEventSchema, complaintCaseSchema, deadlinesSchema } from '../domain/case/case-schema.js';

/**
 * What `GET /api/complaints/{reference}` tells the customer, as a pick of the one case schema:
 * what was promised and what happened, never who holds the case or what staff noted. The status
 * page parses the answer with this schema.
 */

/** A ledger entry in customer-safe words; the words come from customer-status-view.ts, not the ledger. */
export const customerHistoryEntrySchema = caseEventSchema
  .pick({ at: true, kind: true })
  .extend({ text: z.string() });

export const customerStatusSchema = complaintCaseSchema
  .pick({ reference: true, status: true, receivedAt: true })
  .extend({
    acknowledgeBy: deadlinesSchema.shape.acknowledgeBy,
    decideBy: deadlinesSchema.shape.decideBy.optional(),
    history: z.array(customerHistoryEntrySchema),
  });
