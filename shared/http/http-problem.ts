import type { FieldError } from '../schemas/complaint-submission-schema.js';

/** A client error with a status, a stable code and the fields at fault; mapped to JSON once. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

export const notFound = (message = 'Not found') => new HttpProblem(404, 'not_found', message);
