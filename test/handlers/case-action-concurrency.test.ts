import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplyCaseAction } from '../../functions/case-action/apply-case-action.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import type { CaseCommand } from '../../shared/domain/case/case-commands.js';
import { type CaseStore, StaleCaseVersionError } from '../../shared/domain/case/case-store.js';
import type { Actor } from '../../shared/domain/case/case-types.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { settableClock } from '../support/intake-fixtures.js';
import { createIntakeTables, type IntakeTablesFixture } from '../support/intake-tables.js';
import { seedReceived } from '../support/received-cases.js';

const NOW = '2026-11-23T03:00:00.000Z';
const handler: Actor = { id: 'handler-BJ-001', kind: 'staff' };
const colleague: Actor = { id: 'head-BJ-001', kind: 'staff' };
const system: Actor = { id: 'system:delivery-events', kind: 'system' };

let tables: IntakeTablesFixture;
const clock = settableClock(NOW);

beforeAll(async () => {
  tables = await createIntakeTables('case-action-race');
});

afterAll(async () => {
  await tables?.dispose();
});

/** Applies a command straight to the stored case, as another writer would. */
const writeDirectly = async (reference: string, command: CaseCommand, actor: Actor): Promise<void> => {
  const current = await tables.store.get(reference);
  if (current === undefined) throw new Error(`no case ${reference}`);
  const result = applyCommand(current, command, {
    actor,
    now: clock.now(),
    deadlines: deadlineCalculatorFor(current.clockPolicyId, current.calendarId),
  });
  await tables.store.save(result.case, current.version, result.events);
};

const registeredCase = async (): Promise<string> => {
  const seeded = await seedReceived(tables.store, '2026-11-23T02:00:00.000Z', { branchCode: 'BJ-001' });
  const register: CaseCommand = {
    type: 'register',
    firstResponder: 'handler-BJ-001',
    priority: 'normal',
    repeatComplainant: false,
    clockPolicyId: 'cn-2020',
    calendarId: 'cn-mainland',
  };
  await writeDirectly(seeded.reference, register, { id: 'system:intake-worker', kind: 'system' });
  return seeded.reference;
};

const deliveryProof: CaseCommand = {
  type: 'record_delivery',
  outcome: 'delivered',
  messageId: 'sent-1',
  occurredAt: NOW,
  recipientDigests: ['0'.repeat(64)],
};

/**
 * The real store, except that the next read is followed at once by another writer's change:
 * the action then reads a version that is already gone when it writes.
 */
const storeRacedBy = (race: (reference: string) => Promise<void>): CaseStore => {
  let raced = false;
  return {
    create: (...args) => tables.store.create(...args),
    getClaim: (id) => tables.store.getClaim(id),
    get: async (reference) => {
      const read = await tables.store.get(reference);
      if (!raced) {
        raced = true;
        await race(reference);
      }
      return read;
    },
    save: (...args) => tables.store.save(...args),
    getEffect: (...args) => tables.store.getEffect(...args),
    completeEffect: (...args) => tables.store.completeEffect(...args),
    listEvents: (reference) => tables.store.listEvents(reference),
    findDue: (...args) => tables.store.findDue(...args),
    findByCustomer: (...args) => tables.store.findByCustomer(...args),
    listByBranch: (...args) => tables.store.listByBranch(...args),
  };
};

const applyWith = (store: CaseStore) =>
  createApplyCaseAction({ store, clock, ladder: defaultEscalationLadder });

const kindsOf = async (reference: string): Promise<string[]> =>
  (await tables.store.listEvents(reference)).map((event) => event.kind);

describe('a staff action racing another writer', () => {
  it('is applied on top of a delivery proof that landed between its read and its write', async () => {
    const reference = await registeredCase();
    const seen = await tables.store.get(reference);
    const apply = applyWith(storeRacedBy((ref) => writeDirectly(ref, deliveryProof, system)));

    const updated = await apply(reference, { type: 'note', text: 'Called the customer back.' }, handler);

    expect(updated?.version).toBe((seen?.version ?? 0) + 2);
    const kinds = await kindsOf(reference);
    expect(kinds.slice(-2)).toEqual(['case.notice_delivered', 'case.note_added']);
  });

  it('still holds the version the person saw: a proof passes, a colleague’s change is refused', async () => {
    const reference = await registeredCase();
    const seen = await tables.store.get(reference);
    const version = seen?.version ?? 0;

    const afterProof = applyWith(storeRacedBy((ref) => writeDirectly(ref, deliveryProof, system)));
    const noted = await afterProof(reference, { type: 'note', text: 'First.' }, handler, version);
    expect(noted?.version).toBe(version + 2);

    const afterColleague = applyWith(
      storeRacedBy((ref) => writeDirectly(ref, { type: 'note', text: 'Colleague.' }, colleague)),
    );
    await expect(
      afterColleague(reference, { type: 'note', text: 'Second.' }, handler, noted?.version),
    ).rejects.toBeInstanceOf(StaleCaseVersionError);
    const notes = (await tables.store.listEvents(reference)).filter(
      (event) => event.kind === 'case.note_added',
    );
    expect(notes).toHaveLength(2);
  });
});

describe('many people acting on one case at once', () => {
  it('applies every action sent without a version: none is refused for losing a race', async () => {
    const reference = await registeredCase();
    const apply = applyWith(tables.store);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 15 }, (_, n) => apply(reference, { type: 'note', text: `Note ${n}` }, handler)),
    );

    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused.map((outcome) => String(outcome.reason))).toEqual([]);
    const notes = (await tables.store.listEvents(reference)).filter(
      (event) => event.kind === 'case.note_added',
    );
    expect(notes).toHaveLength(15);
  }, 60_000);
});
