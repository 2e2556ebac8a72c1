import { describe, expect, it } from 'vitest';
import {
  toCaseItem,
  toEventItem,
  toIdentityItem,
  toOutboxItems,
} from '../../shared/adapters/dynamodb/case-items.js';
import { caseTable } from '../../shared/adapters/dynamodb/case-table.js';
import {
  dueShardFor,
  dueShards,
  type ItemKind,
  indexKeys,
  itemKeys,
  keyPrefixes,
} from '../../shared/adapters/dynamodb/table-keys.js';
import { buildCase, buildEvent } from '../support/case-factory.js';

/**
 * The key of every item kind, written out in full. These strings are what tables already hold
 * (local data directories and deployed tables), so a change here is a data migration, not a
 * refactoring: this test fails first.
 */
const reference = 'RD-20261123-7K3QX9';
const receivedAt = '2026-11-23T02:00:00.000Z';
const identityHash = 'a'.repeat(64);

const everyKind: Record<ItemKind, { built: () => unknown; pk: string; sk: string }> = {
  case: { built: () => itemKeys.case(reference), pk: 'CASE#RD-20261123-7K3QX9', sk: 'CASE' },
  event: {
    built: () => itemKeys.event(reference, 7),
    pk: 'CASE#RD-20261123-7K3QX9',
    sk: 'EVENT#00000007',
  },
  outbox: {
    built: () => itemKeys.outbox(reference, 12, 3),
    pk: 'CASE#RD-20261123-7K3QX9',
    sk: 'OUTBOX#00000012#03',
  },
  identity: {
    built: () => itemKeys.identity(identityHash, { receivedAt, reference }),
    pk: `CUSTOMER#${identityHash}`,
    sk: '2026-11-23T02:00:00.000Z#RD-20261123-7K3QX9',
  },
  intakeClaim: {
    built: () => itemKeys.intakeClaim('claim-4f1c'),
    pk: 'CLAIM#claim-4f1c',
    sk: 'CLAIM',
  },
  branch: { built: () => itemKeys.branch('BJ-001'), pk: 'BRANCH', sk: 'BRANCH#BJ-001' },
  sentMessage: {
    // Upper and lower case name the same message; only the digest of the id is stored.
    built: () => itemKeys.sentMessage('<A1@Mail.Example.com>'),
    pk: 'MESSAGE#91c3400aab799b6ee284c44b747b7feb9f9b1477cea253e351f56dd5bc0ee159',
    sk: 'MESSAGE',
  },
  inboundMailLog: {
    built: () => itemKeys.inboundMailLog(receivedAt, 'inbound/abc123'),
    pk: 'MAILLOG#2026-11-23',
    sk: '2026-11-23T02:00:00.000Z#inbound/abc123',
  },
  branchChange: {
    built: () => itemKeys.branchChange('BJ-001', 12),
    pk: 'BRANCHCHANGE#BJ-001',
    sk: 'CHANGE#00000012',
  },
  inboundMessage: {
    built: () => itemKeys.inboundMessage('<A1@Mail.Example.com>', 'b'.repeat(64)),
    pk: 'INBOUND#91c3400aab799b6ee284c44b747b7feb9f9b1477cea253e351f56dd5bc0ee159',
    sk: `FROM#${'b'.repeat(64)}`,
  },
  mailStorm: { built: () => itemKeys.mailStorm('c'.repeat(64)), pk: `STORM#${'c'.repeat(64)}`, sk: 'STORM' },
  ackRate: {
    built: () => itemKeys.ackRate('d'.repeat(64), 493_610),
    pk: `ACKRATE#${'d'.repeat(64)}`,
    sk: 'WINDOW#493610',
  },
};

describe('the keys of the case table', () => {
  it('has exactly the item kinds listed here, each under its own key shape', () => {
    expect(Object.keys(itemKeys).sort()).toEqual(Object.keys(everyKind).sort());
    for (const [kind, { built, pk, sk }] of Object.entries(everyKind)) {
      expect(built(), kind).toEqual({ [caseTable.partitionKey]: pk, [caseTable.sortKey]: sk });
    }
  });

  it('keeps every prefix a query or the stream filter relies on', () => {
    expect(keyPrefixes).toEqual({
      case: 'CASE#',
      event: 'EVENT#',
      outbox: 'OUTBOX#',
      customer: 'CUSTOMER#',
      claim: 'CLAIM#',
      branch: 'BRANCH#',
      message: 'MESSAGE#',
      mailLog: 'MAILLOG#',
      dueShard: 'DUE#',
      branchChange: 'BRANCHCHANGE#',
      change: 'CHANGE#',
      inboundMessage: 'INBOUND#',
      from: 'FROM#',
      mailStorm: 'STORM#',
      ackRate: 'ACKRATE#',
      window: 'WINDOW#',
    });
  });

  it('orders a case ledger and its outbox by number, not by the digits as text', () => {
    const events = [9, 10, 100].map((seq) => itemKeys.event(reference, seq)[caseTable.sortKey]);
    expect([...events].sort()).toEqual(events);
    const outbox = [
      [9, 0],
      [9, 10],
      [10, 0],
    ].map(([version = 0, index = 0]) => itemKeys.outbox(reference, version, index)[caseTable.sortKey]);
    expect([...outbox].sort()).toEqual(outbox);
    // Outbox records sort after every ledger entry of the case.
    expect(itemKeys.outbox(reference, 1, 0).sk > itemKeys.event(reference, 99_999_999).sk).toBe(true);
  });

  it('refuses numbers the fixed-width keys cannot hold', () => {
    expect(() => itemKeys.event(reference, 0)).toThrow(RangeError);
    expect(() => itemKeys.event(reference, 100_000_000)).toThrow(RangeError);
    expect(() => itemKeys.event(reference, 1.5)).toThrow(RangeError);
    expect(() => itemKeys.outbox(reference, 1, 100)).toThrow(RangeError);
    expect(() => itemKeys.outbox(reference, 100_000_000, 0)).toThrow(RangeError);
  });

  it('puts open cases in one of four stable due shards and branch cases under their branch', () => {
    expect(dueShards).toEqual(['DUE#0', 'DUE#1', 'DUE#2', 'DUE#3']);
    expect(dueShardFor(reference)).toBe('DUE#3');
    expect(dueShardFor('RD-20261101-M4PT8W')).toBe('DUE#2');
    expect(indexKeys.dueByTime(reference, '2026-11-24T02:00:00.000Z')).toEqual({
      dueShard: 'DUE#3',
      dueAt: '2026-11-24T02:00:00.000Z',
    });
    expect(indexKeys.byBranch('BJ-001', { receivedAt, reference })).toEqual({
      branchCode: 'BJ-001',
      branchReceivedAt: '2026-11-23T02:00:00.000Z#RD-20261123-7K3QX9',
    });
  });
});

describe('items as the case store writes them', () => {
  const complaint = buildCase({ reference, receivedAt, branchCode: 'BJ-001', version: 4 });

  it('a case item carries its key, and index keys only while they apply', () => {
    const open = toCaseItem(complaint, '2026-11-24T02:00:00.000Z');
    expect(open).toMatchObject({
      pk: 'CASE#RD-20261123-7K3QX9',
      sk: 'CASE',
      version: 4,
      dueShard: 'DUE#3',
      dueAt: '2026-11-24T02:00:00.000Z',
      branchCode: 'BJ-001',
      branchReceivedAt: '2026-11-23T02:00:00.000Z#RD-20261123-7K3QX9',
    });
    const closedWithoutBranch = toCaseItem({ ...complaint, branchCode: '' }, undefined);
    expect(Object.keys(closedWithoutBranch).sort()).toEqual(['case', 'pk', 'sk', 'version']);
  });

  it('events, outbox records and identity entries sit under the keys listed above', () => {
    expect(toEventItem(buildEvent(reference, 7))).toMatchObject({
      pk: 'CASE#RD-20261123-7K3QX9',
      sk: 'EVENT#00000007',
    });
    const [first, second] = toOutboxItems(
      complaint,
      [
        { kind: 'acknowledgement' },
        { kind: 'start_watch', generation: 1, wakeAt: '2026-11-24T02:00:00.000Z' },
      ],
      receivedAt,
    );
    expect(first).toMatchObject({ sk: 'OUTBOX#00000004#00', outbox: { id: 'RD-20261123-7K3QX9/v4/0' } });
    expect(second).toMatchObject({ sk: 'OUTBOX#00000004#01', outbox: { id: 'RD-20261123-7K3QX9/v4/1' } });
    expect(toIdentityItem(identityHash, complaint)).toEqual({
      pk: `CUSTOMER#${identityHash}`,
      sk: '2026-11-23T02:00:00.000Z#RD-20261123-7K3QX9',
      reference,
    });
  });
});
