import { z } from 'zod';
import { caseEventSchema, complaintCaseSchema, customerContactSchema } from '../domain/case/case-schema.js';

/**
 * What the staff API answers about cases, as picks of the one case schema. The handlers build
 * their answers by parsing with these schemas, so a field left out here (the digest of the
 * customer's status-page token, contact details on the list) is dropped on the way out; the
 * console parses the same answers with the same schemas.
 */

/** The case as staff see it: all of it but the digest of the customer's status-page token. */
export const staffCaseSchema = complaintCaseSchema.omit({ trackingTokenHash: true });
export type StaffCase = z.infer<typeof staffCaseSchema>;

/** One ledger entry on the case page; the reference is the page's own. */
export const staffTimelineEntrySchema = caseEventSchema.omit({ reference: true });
export type StaffTimelineEntry = z.infer<typeof staffTimelineEntrySchema>;

/** `GET /api/cases/{reference}`: the case, whether it is overdue now, and its whole ledger. */
export const staffCaseDetailResponseSchema = z.object({
  /** The system's time, so the console counts down on the same clock as the deadlines. */
  now: z.string(),
  case: staffCaseSchema.extend({ overdue: z.boolean() }),
  timeline: z.array(staffTimelineEntrySchema),
});
export type StaffCaseDetailResponse = z.infer<typeof staffCaseDetailResponseSchema>;
export type StaffCaseDetail = StaffCaseDetailResponse['case'];

/** A row of `GET /api/cases`: enough to sort, filter and count down, without the complaint's text. */
export const staffCaseSummarySchema = complaintCaseSchema
  .pick({
    reference: true,
    version: true,
    status: true,
    channel: true,
    priority: true,
    subject: true,
    receivedAt: true,
    escalationLevel: true,
    repeatComplainant: true,
    category: true,
    branchCode: true,
    assignedUnit: true,
    firstResponder: true,
    handler: true,
    deadlines: true,
    externalReference: true,
    acknowledgedAt: true,
  })
  .extend({
    // The watch list needs a name; contact details stay on the case page. None for an anonymous case.
    customer: customerContactSchema.pick({ name: true }).required().optional(),
    overdue: z.boolean(),
  });
export type StaffCaseSummary = z.infer<typeof staffCaseSummarySchema>;

/** `GET /api/cases`: a page of rows; no cursor once the list has ended. */
export const staffCaseListResponseSchema = z.object({
  now: z.string(),
  cases: z.array(staffCaseSummarySchema),
  cursor: z.string().optional(),
});
export type StaffCaseListResponse = z.infer<typeof staffCaseListResponseSchema>;

/** `POST /api/cases/{reference}/actions`: the case as the action left it. */
export const staffCaseActionResponseSchema = z.object({ case: staffCaseSchema });
