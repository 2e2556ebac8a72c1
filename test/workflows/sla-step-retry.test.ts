import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlaStep } from '../../functions/sla-step/sla-step.js';
import { LocalSlaRunner } from '../../infra/local/sla-runner.js';
import { synthesizeSlaDefinition } from '../../infra/local/sla-workflow-definition.js';
import { VirtualClock } from '../../infra/local/virtual-clock.js';
import type { Mailer, OutgoingMail } from '../../shared/adapters/ses/mailer.js';
import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { nextWakeAt } from '../../shared/domain/sla/sla-due.js';
import { startEffects } from '../support/effects-fixture.js';
import { createIntakeTables, type IntakeTablesFixture } from '../support/intake-tables.js';
import { seedReceived } from '../support/received-cases.js';
import { RecordingWatcher } from '../support/recording-ports.js';

/** SES that is throttled for its first calls, then accepts: the fault only a fake can produce here. */
class ThrottledMailer implements Mailer {
  readonly delivered: OutgoingMail[] = [];
  attempts = 0;
  constructor(private failuresLeft: number) {}
  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    this.attempts += 1;
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw Object.assign(new Error('Maximum sending rate exceeded'), { name: 'TooManyRequestsException' });
    }
    this.delivered.push(mail);
    return { messageId: `sent-${this.delivered.length}` };
  }
}

let tables: IntakeTablesFixture;
let definition: unknown;

beforeAll(async () => {
  tables = await createIntakeTables('sla-retry');
  definition = synthesizeSlaDefinition();
}, 60_000);

afterAll(async () => {
  await tables.dispose();
});

describe('an SLA notice whose mail fails', () => {
  it('is retried from the outbox, with the breach recorded once and each notice sent once', async () => {
    const clock = new VirtualClock(new Date('2026-11-23T01:00:00Z'));
    const seeded = await seedReceived(tables.store, '2026-11-23T01:00:00.000Z', { branchCode: 'BJ-001' });
    const registered = applyCommand(
      seeded.complaint,
      {
        type: 'register',
        firstResponder: 'desk:BJ-001',
        priority: 'normal',
        repeatComplainant: false,
        clockPolicyId: 'cn-2020',
        calendarId: 'cn-mainland',
      },
      {
        actor: { id: 'system:intake-worker', kind: 'system' },
        now: clock.now(),
        deadlines: deadlineCalculatorFor('cn-2020', 'cn-mainland'),
      },
    );
    const acknowledged = applyCommand(
      registered.case,
      { type: 'acknowledge', via: 'phone' },
      {
        actor: { id: 'desk:BJ-001', kind: 'staff' },
        now: clock.now(),
        deadlines: deadlineCalculatorFor('cn-2020'),
      },
    );
    await tables.store.save(registered.case, seeded.complaint.version, registered.events);
    await tables.store.save(acknowledged.case, registered.case.version, acknowledged.events);

    const mailer = new ThrottledMailer(2);
    const step = createSlaStep({ store: tables.store, clock, ladder: defaultEscalationLadder });
    const runner = new LocalSlaRunner(definition, clock, step);
    const effects = startEffects(
      tables,
      { mailer, watcher: new RecordingWatcher(), clock },
      { retryDelayMs: () => 20 },
    );
    const wakeAt = nextWakeAt(acknowledged.case, {
      ladder: defaultEscalationLadder,
      calendar: getCalendar('cn-mainland'),
    });
    if (wakeAt === undefined) throw new Error('a registered case must have a wake time');
    runner.start({ reference: seeded.reference, generation: 1, wakeAt });

    // Past the reminder point and the decision deadline (8 December, end of the Beijing day).
    await clock.moveTo(new Date('2026-12-09T01:00:00Z'), async () => {
      await runner.settle();
      await effects.settle();
    });
    await effects.stop();

    expect(runner.failures).toEqual([]);
    expect(effects.poller.deadLetters).toEqual([]);
    expect(mailer.attempts).toBeGreaterThan(mailer.delivered.length);
    const subjects = mailer.delivered.map((mail) => mail.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
    const events = await tables.store.listEvents(seeded.reference);
    expect(events.filter((event) => event.kind === 'clock.breached')).toHaveLength(1);
    expect(events.filter((event) => event.kind === 'case.escalated')).toHaveLength(1);
    expect((await tables.store.get(seeded.reference))?.escalationLevel).toBe(1);
    // Every notice owed went out once, after the throttled tries, and is on the ledger as sent.
    const sent = events.filter((event) => event.kind === 'case.notice_sent');
    expect(sent.map((event) => event.data?.notice)).toEqual(
      expect.arrayContaining(['decision_breach', 'escalate']),
    );
    expect(sent).toHaveLength(mailer.delivered.length);
  });
});
