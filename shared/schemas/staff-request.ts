import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { z } from 'zod';
import type { ComplaintCase } from '../domain/case/case-types.js';
import { isComplaintReference } from '../domain/intake/complaint-reference.js';
import type { StaffMember } from '../domain/staff/staff-types.js';
import { HttpProblem, notFound } from '../http/http-problem.js';
import { fieldErrors } from './complaint-submission-schema.js';
import { staffFromAuthorizer } from './staff-claims-schema.js';

/**
 * The signed-in staff member. API Gateway's authorizer has already refused a request without a
 * valid token; this still refuses one whose claims name nobody, so a misconfigured route fails
 * closed.
 */
export const requireStaff = (event: APIGatewayProxyEvent, audience: string): StaffMember => {
  const staff = staffFromAuthorizer(event.requestContext.authorizer, audience);
  if (staff === undefined) throw new HttpProblem(401, 'unauthorized', 'Sign in to use the staff API.');
  return staff;
};

export const forbidden = (message: string) => new HttpProblem(403, 'forbidden', message);

/** Parses with the schema or answers 400 with the fields at fault. */
export const parseOrReject = <Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new HttpProblem(400, 'validation_failed', 'Some fields need attention.', fieldErrors(parsed.error));
  }
  return parsed.data;
};

export const pathParameter = (event: APIGatewayProxyEvent, name: string): string => {
  const value = event.pathParameters?.[name];
  if (value === undefined || value === '') throw new HttpProblem(404, 'not_found', `No ${name} given`);
  return value;
};

/**
 * The `{reference}` of a case route. Something that is not a reference cannot name a case, so it
 * answers exactly as an unknown case does, without a read.
 */
export const referencePathParameter = (event: APIGatewayProxyEvent): string => {
  const reference = pathParameter(event, 'reference');
  if (!isComplaintReference(reference)) throw notFound(`No case ${reference}`);
  return reference;
};

/** The case as staff see it: everything but the digest of the customer's status-page token. */
export const staffCaseView = (c: ComplaintCase): Omit<ComplaintCase, 'trackingTokenHash'> => {
  const { trackingTokenHash: _hidden, ...view } = c;
  return view;
};
