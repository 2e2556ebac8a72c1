import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import { type IntakeClaim, IntakeClaimTakenError } from '../../shared/domain/case/case-store.js';
import { newCaseWithEvents } from '../support/case-factory.js';
import { type CaseTableFixture, createCaseTableFixture } from '../support/case-table-fixture.js';

let table: CaseTableFixture;
let store: DynamoDbCaseStore;

beforeAll(async () => {
  table = await createCaseTableFixture('case-claims');
  store = new DynamoDbCaseStore({
    client: table.documentClient,
    tableName: table.tableName,
    nextDueAt: () => undefined,
  });
});

afterAll(async () => {
  await table.dispose();
});

const claim = (id: string, reference: string): IntakeClaim => ({
  id,
  fingerprint: 'body-digest',
  response: { reference, sealedToken: 'sealed' },
  expiresAt: '2026-11-24T00:00:00.000Z',
});

describe('idempotency claims written with the case', () => {
  it('stores the claim with the case and answers it back', async () => {
    const { complaint, events } = newCaseWithEvents();
    await store.create(complaint, events, claim('claim-1', complaint.reference));
    expect(await store.getClaim('claim-1')).toEqual(claim('claim-1', complaint.reference));
    expect((await store.get(complaint.reference))?.reference).toBe(complaint.reference);
  });

  it('refuses a second case under a taken claim and leaves no trace of it', async () => {
    const first = newCaseWithEvents();
    await store.create(first.complaint, first.events, claim('claim-2', first.complaint.reference));
    const second = newCaseWithEvents();
    await expect(
      store.create(second.complaint, second.events, claim('claim-2', second.complaint.reference)),
    ).rejects.toBeInstanceOf(IntakeClaimTakenError);
    // The transaction is all or nothing: the second case was never stored.
    expect(await store.get(second.complaint.reference)).toBeUndefined();
    expect(await store.listEvents(second.complaint.reference)).toEqual([]);
    expect((await store.getClaim('claim-2'))?.response.reference).toBe(first.complaint.reference);
  });

  it('knows no claim it was never given', async () => {
    expect(await store.getClaim('never-made')).toBeUndefined();
  });
});
