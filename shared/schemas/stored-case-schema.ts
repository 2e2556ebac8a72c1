import { caseEventSchema, complaintCaseSchema } from '../domain/case/case-schema.js';
import type { CaseEvent, ComplaintCase } from '../domain/case/case-types.js';

/**
 * What a stored case and event must look like when read back. The item keeps the domain case
 * whole under one attribute (keys and index attributes sit beside it), so the stored shape is the
 * domain schema itself and cannot drift from the domain type.
 */
export const storedCaseSchema = complaintCaseSchema;
export const storedCaseEventSchema = caseEventSchema;

export const parseStoredCase = (value: unknown): ComplaintCase => storedCaseSchema.parse(value);
export const parseStoredCaseEvent = (value: unknown): CaseEvent => storedCaseEventSchema.parse(value);
