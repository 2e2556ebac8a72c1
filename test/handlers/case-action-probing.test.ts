import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplyCaseAction } from '../../functions/case-action/apply-case-action.js';
import { createCaseActionHandler } from '../../functions/case-action/create-handler.js';
import { proxyEvent } from '../../infra/local/proxy-event.js';
import { DynamoDbBranchDirectory } from '../../shared/adapters/dynamodb/branch-directory.js';
import { LOCAL_STAFF_AUDIENCE } from '../../shared/config/staff-audience.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { newReference } from '../support/case-factory.js';
import { countCommands } from '../support/command-counter.js';
import { lambdaContext, settableClock } from '../support/intake-fixtures.js';
import { createIntakeTables, type IntakeTablesFixture } from '../support/intake-tables.js';
import { seedReceived } from '../support/received-cases.js';

const NOW = '2026-11-23T03:00:00.000Z';
let tables: IntakeTablesFixture;
let existing: string;

beforeAll(async () => {
  tables = await createIntakeTables('case-action-probing');
  const seeded = await seedReceived(tables.store, '2026-11-23T02:00:00.000Z', { branchCode: 'BJ-001' });
  const received = await tables.store.get(seeded.reference);
  if (received === undefined) throw new Error('seeded case missing');
  const registered = applyCommand(
    received,
    {
      type: 'register',
      firstResponder: 'handler-BJ-001',
      priority: 'normal',
      repeatComplainant: false,
      clockPolicyId: 'cn-2020',
      calendarId: 'cn-mainland',
    },
    {
      actor: { id: 'system:intake-worker', kind: 'system' },
      now: new Date(NOW),
      deadlines: deadlineCalculatorFor('cn-2020', 'cn-mainland'),
    },
  );
  await tables.store.save(registered.case, received.version, registered.events);
  existing = seeded.reference;
});

afterAll(async () => {
  await tables?.dispose();
});

const noteBy = (reference: string) =>
  proxyEvent({
    method: 'POST',
    resource: '/api/cases/{reference}/actions',
    path: `/api/cases/${reference}/actions`,
    pathParameters: { reference },
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'note', text: 'Checking.' }),
    // A handler of another branch: the case in BJ-001 is outside their scope.
    claims: {
      sub: 'h-sh',
      'cognito:username': 'handler-SH-002',
      'cognito:groups': 'handler',
      'custom:branch': 'SH-002',
      token_use: 'id',
      aud: LOCAL_STAFF_AUDIENCE,
    },
  });

describe('a case outside the caller’s scope cannot be told from a missing one', () => {
  it('answers the same 404 after the same reads', async () => {
    const count = countCommands(tables.cases.client);
    const clock = settableClock(NOW);
    const handler = createCaseActionHandler({
      store: tables.store,
      branches: new DynamoDbBranchDirectory(tables.cases.documentClient, tables.cases.tableName),
      ladder: defaultEscalationLadder,
      apply: createApplyCaseAction({ store: tables.store, clock, ladder: defaultEscalationLadder }),
      staffAudience: LOCAL_STAFF_AUDIENCE,
    });
    const reads = () => ({
      get: count('GetItemCommand') + count('GetCommand'),
      query: count('QueryCommand'),
    });

    const before = reads();
    const outOfScope = await handler(noteBy(existing), lambdaContext('case-action'));
    const afterOutOfScope = reads();
    const missingReference = newReference();
    const missing = await handler(noteBy(missingReference), lambdaContext('case-action'));
    const afterMissing = reads();

    expect(outOfScope.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    const messageOf = (body: string) => JSON.parse(body).error.message;
    expect(messageOf(outOfScope.body)).toBe(`No case ${existing}`);
    expect(messageOf(missing.body)).toBe(`No case ${missingReference}`);
    // Same requests to the table for both: no shortcut that a stopwatch could see.
    expect({
      get: afterOutOfScope.get - before.get,
      query: afterOutOfScope.query - before.query,
    }).toEqual({
      get: afterMissing.get - afterOutOfScope.get,
      query: afterMissing.query - afterOutOfScope.query,
    });
  });
});
