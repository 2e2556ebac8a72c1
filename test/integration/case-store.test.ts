import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/dynamodb-client.js';
import {
  CaseAlreadyExistsError,
  InvalidCaseWriteError,
  StaleCaseVersionError,
} from '../../shared/domain/case/case-store.js';
import { type ComplaintCase, openStatuses } from '../../shared/domain/case/case-types.js';
import { buildCase, buildEvents, newCaseWithEvents, nextVersion } from '../support/case-factory.js';
import { type CaseTableFixture, createCaseTableFixture } from '../support/case-table-fixture.js';
import { countCommands } from '../support/command-counter.js';

const nextDueAt = (complaint: ComplaintCase): string | undefined =>
  openStatuses.includes(complaint.status) ? complaint.deadlines?.decideBy : undefined;

let table: CaseTableFixture;
let store: DynamoDbCaseStore;

beforeAll(async () => {
  table = await createCaseTableFixture('case-store');
  store = new DynamoDbCaseStore({ client: table.documentClient, tableName: table.tableName, nextDueAt });
});

afterAll(async () => {
  await table.dispose();
});

describe('create and get', () => {
  it('round-trips every field of the case and its events', async () => {
    const { complaint, events } = newCaseWithEvents();
    await store.create(complaint, events);

    expect(await store.get(complaint.reference)).toEqual(complaint);
    expect(await store.listEvents(complaint.reference)).toEqual(events);
  });

  it('returns undefined for a reference never stored', async () => {
    expect(await store.get('CMP-NEVER-STORED')).toBeUndefined();
    expect(await store.listEvents('CMP-NEVER-STORED')).toEqual([]);
  });

  it('refuses a second create of the same reference and leaves the first untouched', async () => {
    const { complaint, events } = newCaseWithEvents();
    await store.create(complaint, events);

    const impostor = { ...complaint, subject: 'another subject', lastEventSeq: 3 };
    const error = await store
      .create(impostor, buildEvents(complaint.reference, 0, 3))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CaseAlreadyExistsError);
    expect(error).toMatchObject({ reference: complaint.reference });
    expect(await store.get(complaint.reference)).toEqual(complaint);
    expect(await store.listEvents(complaint.reference)).toEqual(events);
  });

  it('stores an anonymous case without contact details', async () => {
    const { complaint, events } = newCaseWithEvents({ anonymous: true, customer: {}, branchCode: undefined });
    await store.create(complaint, events);
    expect(await store.get(complaint.reference)).toEqual(complaint);
  });
});

describe('save', () => {
  it('applies a save from the current version and rejects a second one from the same version', async () => {
    const { complaint, events } = newCaseWithEvents();
    await store.create(complaint, events);

    const first = nextVersion(complaint, { status: 'resolved' });
    await store.save(first.updated, complaint.version, first.events);
    const afterFirst = await store.listEvents(complaint.reference);

    const stale = nextVersion(complaint, { handler: 'staff-9999' }, 2);
    const error = await store.save(stale.updated, complaint.version, stale.events).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StaleCaseVersionError);
    expect(error).toMatchObject({ reference: complaint.reference, expectedVersion: complaint.version });
    expect(await store.get(complaint.reference)).toEqual(first.updated);
    expect(afterFirst).toEqual([...events, ...first.events]);
    expect(await store.listEvents(complaint.reference)).toEqual(afterFirst);
  });

  it('lets exactly one of two concurrent saves from the same version win', async () => {
    const { complaint, events } = newCaseWithEvents();
    await store.create(complaint, events);
    const left = nextVersion(complaint, { handler: 'staff-left' });
    const right = nextVersion(complaint, { handler: 'staff-right' }, 2);

    const results = await Promise.allSettled([
      store.save(left.updated, complaint.version, left.events),
      store.save(right.updated, complaint.version, right.events),
    ]);

    const winners = results.flatMap((result, index) => (result.status === 'fulfilled' ? [index] : []));
    const losers = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]).toBeInstanceOf(StaleCaseVersionError);
    const winner = winners[0] === 0 ? left : right;
    expect(await store.get(complaint.reference)).toEqual(winner.updated);
    expect(await store.listEvents(complaint.reference)).toEqual([...events, ...winner.events]);
  });

  it('reports a save of a case that was never created as stale', async () => {
    const ghost = buildCase({ version: 2, lastEventSeq: 1 });
    const error = await store.save(ghost, 1, buildEvents(ghost.reference, 0, 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleCaseVersionError);
    expect(await store.listEvents(ghost.reference)).toEqual([]);
  });

  it('writes nothing when an event seq already exists: no case without its events', async () => {
    const { complaint, events } = newCaseWithEvents({}, 2);
    await store.create(complaint, events);
    // Version is right, but the new event reuses seq 2.
    const clash = buildEvents(complaint.reference, 1, 1);
    const updated = { ...complaint, version: complaint.version + 1, status: 'resolved' as const };

    const error = await store.save(updated, complaint.version, clash).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect(await store.get(complaint.reference)).toEqual(complaint);
    expect(await store.listEvents(complaint.reference)).toEqual(events);
  });

  it('rejects malformed writes before sending them', async () => {
    const { complaint, events } = newCaseWithEvents();
    await store.create(complaint, events);
    const next = nextVersion(complaint);

    await expect(store.save({ ...next.updated, version: 5 }, complaint.version, next.events)).rejects.toThrow(
      InvalidCaseWriteError,
    );
    await expect(
      store.save(next.updated, complaint.version, buildEvents('CMP-OTHER', complaint.lastEventSeq, 1)),
    ).rejects.toThrow(InvalidCaseWriteError);
    await expect(
      store.save({ ...next.updated, lastEventSeq: 9 }, complaint.version, next.events),
    ).rejects.toThrow(InvalidCaseWriteError);
    expect(await store.get(complaint.reference)).toEqual(complaint);
  });
});

describe('listEvents', () => {
  it('returns 300 large events in seq order although they span several pages', async () => {
    const client = createDynamoDbClient({ endpoint: inject('dynamodbEndpoint'), region: 'local' });
    const queries = countCommands(client);
    const pagingStore = new DynamoDbCaseStore({
      client: createDocumentClient(client),
      tableName: table.tableName,
      nextDueAt,
    });
    // ~4 KB per event: 300 of them exceed the 1 MB a single Query page may return.
    const padding = 4_000;
    const complaint = buildCase({ lastEventSeq: 50 });
    const ledger = buildEvents(complaint.reference, 0, 50, padding);
    await pagingStore.create(complaint, ledger);
    let stored = complaint;
    for (const count of [99, 99, 52]) {
      const next = nextVersion(stored, {}, count, padding);
      await pagingStore.save(next.updated, stored.version, next.events);
      ledger.push(...next.events);
      stored = next.updated;
    }

    const before = queries('QueryCommand');
    const listed = await pagingStore.listEvents(complaint.reference);

    expect(queries('QueryCommand') - before).toBeGreaterThan(1);
    expect(listed).toHaveLength(300);
    expect(listed.map((event) => event.seq)).toEqual(Array.from({ length: 300 }, (_, index) => index + 1));
    expect(listed).toEqual(ledger);
    client.destroy();
  });
});
