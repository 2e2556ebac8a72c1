import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTable } from '../../shared/adapters/dynamodb/case-table.js';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import { InvalidCursorError } from '../../shared/domain/case/case-store.js';
import { type ComplaintCase, openStatuses } from '../../shared/domain/case/case-types.js';
import { newCaseWithEvents, nextVersion } from '../support/case-factory.js';
import { type CaseTableFixture, createCaseTableFixture } from '../support/case-table-fixture.js';

const nextDueAt = (complaint: ComplaintCase): string | undefined =>
  openStatuses.includes(complaint.status) ? complaint.deadlines?.decideBy : undefined;

let table: CaseTableFixture;
let store: DynamoDbCaseStore;

beforeAll(async () => {
  table = await createCaseTableFixture('case-store-lookups');
  store = new DynamoDbCaseStore({ client: table.documentClient, tableName: table.tableName, nextDueAt });
});

afterAll(async () => {
  await table.dispose();
});

const createCase = async (overrides: Partial<ComplaintCase>): Promise<ComplaintCase> => {
  const { complaint, events } = newCaseWithEvents(overrides);
  await store.create(complaint, events);
  return complaint;
};

/** Contact details unique to one test, so tests sharing the table never match each other. */
const uniqueCustomer = () => {
  const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  return {
    email: `Wang.Fang.${randomUUID().slice(0, 8)}@Example.com`,
    phone: `+86 139 ${digits.slice(0, 4)} ${digits.slice(4)}`,
    customerId: `C-${randomUUID()}`,
    digits: `86139${digits}`,
  };
};

describe('findByCustomer', () => {
  it('finds an earlier complaint by email written in another case and spacing', async () => {
    const customer = uniqueCustomer();
    const earlier = await createCase({
      customer: { email: customer.email },
      receivedAt: '2025-02-01T00:00:00.000Z',
    });

    const found = await store.findByCustomer(
      { email: `  ${customer.email.toUpperCase()}\t` },
      '2025-01-01T00:00:00.000Z',
    );

    expect(found).toEqual([earlier.reference]);
  });

  it('finds an earlier complaint by phone written with other separators', async () => {
    const customer = uniqueCustomer();
    const earlier = await createCase({
      customer: { phone: customer.phone },
      receivedAt: '2025-02-01T00:00:00.000Z',
    });
    const reformatted = `(${customer.digits.slice(0, 2)}) ${customer.digits.slice(2, 5)}-${customer.digits.slice(5)}`;

    expect(await store.findByCustomer({ phone: reformatted }, '2025-01-01T00:00:00.000Z')).toEqual([
      earlier.reference,
    ]);
    // The same digits as a customer id are a different identifier.
    expect(await store.findByCustomer({ customerId: customer.digits }, '2025-01-01T00:00:00.000Z')).toEqual(
      [],
    );
  });

  it('leaves out complaints older than `since` and lists each match once, oldest first', async () => {
    const customer = uniqueCustomer();
    const contact = { email: customer.email, phone: customer.phone, customerId: customer.customerId };
    const old = await createCase({ customer: contact, receivedAt: '2024-03-01T00:00:00.000Z' });
    const recent = await createCase({ customer: contact, receivedAt: '2025-03-01T00:00:00.000Z' });
    const latest = await createCase({
      customer: { email: customer.email },
      receivedAt: '2025-04-01T00:00:00.000Z',
    });

    expect(await store.findByCustomer(contact, '2025-01-01T00:00:00.000Z')).toEqual([
      recent.reference,
      latest.reference,
    ]);
    expect(await store.findByCustomer(contact, '2024-01-01T00:00:00.000Z')).toEqual([
      old.reference,
      recent.reference,
      latest.reference,
    ]);
    expect(
      await store.findByCustomer({ email: 'someone.else@example.com' }, '2024-01-01T00:00:00.000Z'),
    ).toEqual([]);
    expect(await store.findByCustomer({}, '2024-01-01T00:00:00.000Z')).toEqual([]);
  });

  it('puts no contact detail into any key', async () => {
    const customer = uniqueCustomer();
    await createCase({
      customer: { email: customer.email, phone: customer.phone, customerId: customer.customerId },
      branchCode: 'BR-PRIVACY',
    });
    const keyAttributes = [
      caseTable.partitionKey,
      caseTable.sortKey,
      ...Object.values(caseTable.indexes).flatMap((index) => [index.partitionKey, index.sortKey]),
    ];
    const scanned = await table.client.send(new ScanCommand({ TableName: table.tableName }));
    const keyValues = (scanned.Items ?? []).flatMap((item) =>
      keyAttributes.flatMap((name) => {
        const value = item[name]?.S;
        return value === undefined ? [] : [value.toLowerCase()];
      }),
    );

    expect(keyValues.length).toBeGreaterThan(0);
    for (const secret of [customer.email.toLowerCase(), customer.customerId.toLowerCase(), customer.digits]) {
      expect(keyValues.filter((value) => value.includes(secret))).toEqual([]);
    }
  });
});

describe('listByBranch', () => {
  const from = '2025-01-01T00:00:00.000Z';
  const to = '2025-02-01T00:00:00.000Z';

  const listAll = async (branchCode: string, limit: number) => {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listByBranch(branchCode, from, to, cursor, limit);
      pages.push(page.cases.map((complaint) => complaint.reference));
      cursor = page.cursor;
    } while (cursor !== undefined);
    return pages;
  };

  it('pages through the cases received in [from, to) in received order', async () => {
    const branchCode = `BR-${randomUUID().slice(0, 8)}`;
    const receivedTimes = [
      '2025-01-20T00:00:00.000Z',
      from,
      '2025-01-05T09:30:00.000Z',
      '2025-01-31T23:59:59.999Z',
      '2025-01-12T12:00:00.000Z',
    ];
    const inRange = [];
    for (const receivedAt of receivedTimes) inRange.push(await createCase({ branchCode, receivedAt }));
    await createCase({ branchCode, receivedAt: to });
    await createCase({ branchCode, receivedAt: '2024-12-31T23:59:59.999Z' });
    await createCase({ branchCode: `${branchCode}-OTHER`, receivedAt: '2025-01-15T00:00:00.000Z' });

    const pages = await listAll(branchCode, 2);

    const expected = [...inRange]
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
      .map((complaint) => complaint.reference);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(2);
    expect(pages.flat()).toEqual(expected);
  });

  it('returns whole cases and follows a branch change', async () => {
    const branchCode = `BR-${randomUUID().slice(0, 8)}`;
    const complaint = await createCase({ branchCode, receivedAt: '2025-01-10T00:00:00.000Z' });
    expect((await store.listByBranch(branchCode, from, to)).cases).toEqual([complaint]);

    const moved = nextVersion(complaint, { branchCode: `${branchCode}-NEW` });
    await store.save(moved.updated, complaint.version, moved.events);

    expect((await store.listByBranch(branchCode, from, to)).cases).toEqual([]);
    expect((await store.listByBranch(`${branchCode}-NEW`, from, to)).cases).toEqual([moved.updated]);
  });

  it('refuses a cursor it did not issue for that branch', async () => {
    const branchCode = `BR-${randomUUID().slice(0, 8)}`;
    for (const day of ['02', '03', '04'])
      await createCase({ branchCode, receivedAt: `2025-01-${day}T00:00:00.000Z` });
    const first = await store.listByBranch(branchCode, from, to, undefined, 1);
    if (first.cursor === undefined) throw new Error('expected a cursor after the first page');

    await expect(store.listByBranch(`${branchCode}-X`, from, to, first.cursor)).rejects.toThrow(
      InvalidCursorError,
    );
    await expect(store.listByBranch(branchCode, from, to, 'not-a-cursor')).rejects.toThrow(
      InvalidCursorError,
    );
    const second = await store.listByBranch(branchCode, from, to, first.cursor, 1);
    expect(second.cases.map((complaint) => complaint.receivedAt)).toEqual(['2025-01-03T00:00:00.000Z']);
  });
});
