import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redriveUnregistered } from '../../functions/intake-worker/redrive-unregistered.js';
import { sampleRoutingRules } from '../../shared/config/routing-rules.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import { registrationPlan } from '../../shared/domain/intake/registration-plan.js';
import { settableClock } from '../support/intake-fixtures.js';
import { createIntakeTables, type IntakeTablesFixture } from '../support/intake-tables.js';
import { seedReceived } from '../support/received-cases.js';
import { RecordingQueue } from '../support/recording-ports.js';

const RECEIVED = '2026-11-23T02:00:00.000Z';
const minutes = (count: number): string => new Date(Date.parse(RECEIVED) + count * 60 * 1000).toISOString();

let tables: IntakeTablesFixture;

beforeAll(async () => {
  tables = await createIntakeTables('redrive-handler');
});

afterAll(async () => {
  await tables?.dispose();
});

describe('re-drive of unregistered complaints', () => {
  it('sends again, without a token, only what stayed received for more than five minutes', async () => {
    const stuck = await seedReceived(tables.store, RECEIVED, { subject: 'Stuck' });
    const recent = await seedReceived(tables.store, minutes(3), { subject: 'Recent' });
    const registered = await seedReceived(tables.store, RECEIVED, { subject: 'Registered' });
    const result = applyCommand(
      registered.complaint,
      registrationPlan(registered.complaint, { routing: sampleRoutingRules, repeatComplainant: false }),
      {
        actor: { id: 'system:intake-worker', kind: 'system' },
        now: new Date(minutes(1)),
        deadlines: deadlineCalculatorFor('cn-2020', 'cn-mainland'),
      },
    );
    await tables.store.save(result.case, registered.complaint.version, result.events);

    const queue = new RecordingQueue();
    const clock = settableClock(minutes(5));
    // Exactly five minutes is not yet late.
    expect(await redriveUnregistered({ store: tables.store, queue, clock })).toEqual([]);

    clock.set(minutes(6));
    expect(await redriveUnregistered({ store: tables.store, queue, clock })).toEqual([stuck.reference]);
    expect(queue.messages).toEqual([{ reference: stuck.reference }]);

    clock.set(minutes(9));
    const later = await redriveUnregistered({ store: tables.store, queue, clock });
    expect(later.sort()).toEqual([recent.reference, stuck.reference].sort());
    expect(later).not.toContain(registered.reference);
  });
});
