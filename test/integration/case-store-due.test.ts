import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueShardFor, dueShards } from '../../shared/adapters/dynamodb/case-items.js';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import { type ComplaintCase, openStatuses } from '../../shared/domain/case/case-types.js';
import { newCaseWithEvents, nextVersion } from '../support/case-factory.js';
import { type CaseTableFixture, createCaseTableFixture } from '../support/case-table-fixture.js';

// This file owns its table, so findDue sees exactly the cases created here.
const nextDueAt = (complaint: ComplaintCase): string | undefined =>
  openStatuses.includes(complaint.status) ? complaint.deadlines?.decideBy : undefined;

const now = '2025-06-01T00:00:00.000Z';
const hoursFromNow = (hours: number): string => new Date(Date.parse(now) + hours * 3_600_000).toISOString();

let table: CaseTableFixture;
let store: DynamoDbCaseStore;

const createDueCase = async (decideBy: string, status: ComplaintCase['status'] = 'in_progress') => {
  const { complaint, events } = newCaseWithEvents({ status, deadlines: { decideBy } });
  await store.create(complaint, events);
  return complaint;
};

/** Two overdue cases on every shard, each due at a distinct hour before `now`. */
const createOverdueOnEveryShard = async (): Promise<ComplaintCase[]> => {
  const perShard = new Map<string, number>();
  const created: ComplaintCase[] = [];
  let hour = 1;
  while (dueShards.some((shard) => (perShard.get(shard) ?? 0) < 2)) {
    const { complaint, events } = newCaseWithEvents({ deadlines: { decideBy: hoursFromNow(-hour) } });
    const shard = dueShardFor(complaint.reference);
    if ((perShard.get(shard) ?? 0) >= 2) continue;
    perShard.set(shard, (perShard.get(shard) ?? 0) + 1);
    await store.create(complaint, events);
    created.push(complaint);
    hour += 1;
  }
  return created;
};

const dueReferences = async (before: string, limit?: number): Promise<string[]> =>
  (await store.findDue(before, limit)).map((due) => due.case.reference);

const byDueTime = (cases: ComplaintCase[]): string[] =>
  [...cases]
    .sort((a, b) => (a.deadlines?.decideBy ?? '').localeCompare(b.deadlines?.decideBy ?? ''))
    .map((complaint) => complaint.reference);

beforeAll(async () => {
  table = await createCaseTableFixture('case-store-due');
  store = new DynamoDbCaseStore({ client: table.documentClient, tableName: table.tableName, nextDueAt });
});

afterAll(async () => {
  await table.dispose();
});

describe('findDue', () => {
  it('returns the cases due before the time from every shard, earliest first, and nothing else', async () => {
    const overdue = await createOverdueOnEveryShard();
    await createDueCase(now);
    await createDueCase(hoursFromNow(5));
    await createDueCase(hoursFromNow(-100), 'closed');

    const found = await store.findDue(now);

    expect(new Set(overdue.map((complaint) => dueShardFor(complaint.reference)))).toEqual(new Set(dueShards));
    expect(found.map((due) => due.case.reference)).toEqual(byDueTime(overdue));
    for (const due of found) expect(due.dueAt).toBe(due.case.deadlines?.decideBy);
    expect(await dueReferences(now, 3)).toEqual(byDueTime(overdue).slice(0, 3));

    // A case with no next due time leaves the index; a moved deadline moves it within it.
    const [earliest, second] = [...overdue].sort((a, b) =>
      (a.deadlines?.decideBy ?? '').localeCompare(b.deadlines?.decideBy ?? ''),
    );
    if (earliest === undefined || second === undefined) throw new Error('expected overdue cases');
    const closed = nextVersion(earliest, { status: 'closed' });
    await store.save(closed.updated, earliest.version, closed.events);
    const extended = nextVersion(second, { deadlines: { decideBy: hoursFromNow(48) } });
    await store.save(extended.updated, second.version, extended.events);

    const remaining = overdue.filter((complaint) => complaint !== earliest && complaint !== second);
    expect(await dueReferences(now)).toEqual(byDueTime(remaining));
    expect(await dueReferences(hoursFromNow(49))).toContain(second.reference);
    expect(await dueReferences(hoursFromNow(1_000))).not.toContain(earliest.reference);
  });

  it('rejects a limit that is not a positive integer', async () => {
    await expect(store.findDue(now, 0)).rejects.toThrow(RangeError);
  });
});
