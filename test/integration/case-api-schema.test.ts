import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGetCase } from '../../functions/get-case/get-case.js';
import { createListCases } from '../../functions/list-cases/list-cases.js';
import { DynamoDbCaseWalker } from '../../shared/adapters/dynamodb/case-walk.js';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import { LOCAL_STAFF_AUDIENCE } from '../../shared/config/staff-audience.js';
import { caseEventSchema, complaintCaseSchema } from '../../shared/domain/case/case-schema.js';
import { type ComplaintCase, openStatuses } from '../../shared/domain/case/case-types.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import type { BranchDirectory } from '../../shared/domain/staff/staff-ports.js';
import {
  staffCaseDetailResponseSchema,
  staffCaseListResponseSchema,
} from '../../shared/schemas/staff-case-response-schema.js';
import { buildCase, buildEvents, newReference } from '../support/case-factory.js';
import { type CaseTableFixture, createCaseTableFixture } from '../support/case-table-fixture.js';
import { apiEvent } from '../support/intake-fixtures.js';

/** After every deadline of the factory's case, so the API reports it overdue. */
const NOW = new Date('2025-04-01T02:00:00.000Z');
const TOKEN_DIGEST = 'd'.repeat(64);

const nextDueAt = (complaint: ComplaintCase): string | undefined =>
  openStatuses.includes(complaint.status) ? complaint.deadlines?.decideBy : undefined;

const noBranches: BranchDirectory = {
  list: async () => [],
  get: async () => undefined,
  put: async () => {
    throw new Error('the case API does not change branches');
  },
  changes: async () => [],
};

/** A request as API Gateway hands it over once the authorizer let the consumer protection officer in. */
const asOfficer = (path: string, pathParameters: Record<string, string> = {}): APIGatewayProxyEvent => {
  const event = apiEvent({ method: 'GET', resource: path, path, pathParameters });
  return {
    ...event,
    requestContext: {
      ...event.requestContext,
      authorizer: {
        claims: {
          sub: 'cpo-0001',
          'cognito:groups': ['consumer_protection_officer'],
          token_use: 'id',
          aud: LOCAL_STAFF_AUDIENCE,
        },
      },
    },
  };
};

let table: CaseTableFixture;
let store: DynamoDbCaseStore;
let stored: ComplaintCase;

beforeAll(async () => {
  table = await createCaseTableFixture('case-api-schema');
  store = new DynamoDbCaseStore({ client: table.documentClient, tableName: table.tableName, nextDueAt });
  // Every optional field set, the token digest included, so nothing can go missing unnoticed.
  stored = buildCase({
    lastEventSeq: 3,
    takenBy: 'staff-0007',
    acknowledgementOverdueNotifiedAt: '2025-03-04T02:00:00.000Z',
    breachedAt: '2025-03-25T06:00:00.000Z',
    trackingTokenHash: TOKEN_DIGEST,
    urgent: true,
    claimsToReplyTo: newReference(),
    slaGeneration: 2,
  });
  await store.create(stored, buildEvents(stored.reference, 0, 3));
});

afterAll(async () => {
  await table?.dispose();
});

describe('a case written by the store and read back through the staff API', () => {
  it('parses with the one case schema, whole but for the token digest', async () => {
    const getCase = createGetCase({
      store,
      branches: noBranches,
      ladder: defaultEscalationLadder,
      clock: { now: () => NOW },
      staffAudience: LOCAL_STAFF_AUDIENCE,
    });
    const answer = await getCase(
      asOfficer(`/api/cases/${stored.reference}`, { reference: stored.reference }),
    );
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.body).not.toContain(TOKEN_DIGEST);

    const body = staffCaseDetailResponseSchema.parse(JSON.parse(answer.body));
    const { overdue, ...shown } = body.case;
    expect(overdue).toBe(true);
    expect(shown).not.toHaveProperty('trackingTokenHash');
    // Put the digest back and it is the stored case again, field for field.
    expect(complaintCaseSchema.parse({ ...shown, trackingTokenHash: TOKEN_DIGEST })).toEqual(stored);
    expect(
      body.timeline.map((entry) => caseEventSchema.parse({ ...entry, reference: stored.reference })),
    ).toEqual(await store.listEvents(stored.reference));
  });

  it('lists it with the row fields of the same schema and no contact details', async () => {
    const listCases = createListCases({
      cases: new DynamoDbCaseWalker(table.documentClient, table.tableName),
      branches: noBranches,
      ladder: defaultEscalationLadder,
      clock: { now: () => NOW },
      staffAudience: LOCAL_STAFF_AUDIENCE,
    });
    const answer = await listCases(asOfficer('/api/cases'));
    expect(answer.statusCode, answer.body).toBe(200);
    const body = staffCaseListResponseSchema.parse(JSON.parse(answer.body));
    expect(body.cases).toEqual([
      {
        reference: stored.reference,
        version: stored.version,
        status: stored.status,
        channel: stored.channel,
        priority: stored.priority,
        subject: stored.subject,
        receivedAt: stored.receivedAt,
        escalationLevel: stored.escalationLevel,
        repeatComplainant: stored.repeatComplainant,
        category: stored.category,
        branchCode: stored.branchCode,
        assignedUnit: stored.assignedUnit,
        firstResponder: stored.firstResponder,
        handler: stored.handler,
        deadlines: stored.deadlines,
        externalReference: stored.externalReference,
        acknowledgedAt: stored.acknowledgedAt,
        customer: { name: 'Li Hua' },
        overdue: true,
      },
    ]);
    for (const secret of [TOKEN_DIGEST, 'li.hua@example.com', stored.description]) {
      expect(answer.body).not.toContain(secret);
    }
  });
});
