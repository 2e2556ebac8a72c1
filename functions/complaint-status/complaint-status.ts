import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { CaseStore } from '../../shared/domain/case/case-store.js';
import { languages } from '../../shared/domain/case/case-types.js';
import { isComplaintReference } from '../../shared/domain/intake/complaint-reference.js';
import { customerStatusView } from '../../shared/domain/intake/customer-status-view.js';
import { trackingTokenMatches } from '../../shared/domain/intake/tracking-token.js';
import { jsonResult } from '../../shared/http/api-response.js';
import { notFound } from '../../shared/http/http-problem.js';

export interface ComplaintStatusDependencies {
  store: CaseStore;
}

// One answer for "no such case" and "wrong token", so a reference cannot be probed.
const NOT_FOUND_MESSAGE = 'No complaint matches this reference and token.';

export const createComplaintStatus =
  (deps: ComplaintStatusDependencies) =>
  async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const reference = event.pathParameters?.reference ?? '';
    const token = event.queryStringParameters?.token ?? '';
    if (!isComplaintReference(reference) || token.length === 0 || token.length > 200) {
      throw notFound(NOT_FOUND_MESSAGE);
    }
    const complaint = await deps.store.get(reference);
    if (complaint === undefined || !trackingTokenMatches(token, complaint.trackingTokenHash)) {
      throw notFound(NOT_FOUND_MESSAGE);
    }
    const requested = event.queryStringParameters?.lang;
    const language = languages.find((candidate) => candidate === requested) ?? complaint.language;
    const events = await deps.store.listEvents(reference);
    return jsonResult(200, customerStatusView(complaint, events, language));
  };
