import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import type { CaseCommand } from '../../shared/domain/case/case-commands.js';
import {
  CaseRuleError,
  ExtensionApprovalError,
  IllegalTransitionError,
} from '../../shared/domain/case/case-errors.js';
import { isTerminalStatus } from '../../shared/domain/case/case-status-rules.js';
import type { CaseEvent, ComplaintCase } from '../../shared/domain/case/case-types.js';
import type { StaffRole } from '../../shared/domain/staff/staff-types.js';
import {
  afterReceipt,
  contextAt,
  deepFreeze,
  receivedCase,
  registerCommand,
  resolveCommand,
  staff,
} from './support/case-fixtures.js';
import { fakeDeadlineCalculator } from './support/fake-deadline-calculator.js';

/** Stands for the step's actor in a generated command; bound to them when the step runs. */
const actingPerson = '(the actor)';
const people = fc.constantFrom('teller-li', 'officer-zhao', 'supervisor-he', 'deputy-president-chen');
const text = fc.constantFrom('', 'Called the customer', 'Lab test', 'Complex');

const working: fc.Arbitrary<CaseCommand> = fc.oneof(
  fc
    .record({
      firstResponder: fc.constantFrom('teller-li', 'teller-ma', ''),
      priority: fc.constantFrom('normal', 'green_channel'),
    })
    .map((r): CaseCommand => ({ ...registerCommand, ...r })),
  fc.constant<CaseCommand>({ type: 'acknowledge' }),
  fc.constant<CaseCommand>({ type: 'start_work' }),
  people.map((to): CaseCommand => ({ type: 'assign', to })),
  fc
    .record({ toUnit: fc.option(fc.constantFrom('card-centre', 'loans'), { nil: undefined }), note: text })
    .map((r): CaseCommand => ({ type: 'transfer', note: r.note, ...(r.toUnit ? { toUnit: r.toUnit } : {}) })),
  text.map((t): CaseCommand => ({ type: 'note', text: t })),
  text.map((t): CaseCommand => ({ type: 'request_info', text: t })),
  fc.constant<CaseCommand>({ type: 'record_reminder' }),
  text.map((reason): CaseCommand => ({ type: 'pause', reason })),
  fc.constant<CaseCommand>({ type: 'resume' }),
  // Whoever acts extends, with any standing: sometimes one that may approve, often one that may not.
  fc
    .option(fc.constantFrom<StaffRole[]>(['handler'], ['branch_head'], ['deputy_president']), {
      nil: undefined,
    })
    .map(
      (roles): CaseCommand => ({
        type: 'extend',
        reason: 'Complex',
        ...(roles ? { signedIn: { id: actingPerson, roles, branches: ['BJ-0101'] } } : {}),
      }),
    ),
  fc.integer({ min: -1, max: 5 }).map((level): CaseCommand => ({ type: 'escalate', level, reason: 'Major' })),
  fc.constant<CaseCommand>({ type: 'record_escalation' }),
  fc.constant<CaseCommand>(resolveCommand),
  fc.constant<CaseCommand>({ type: 'request_review' }),
  fc.constant<CaseCommand>({ type: 'decide_review', outcome: 'confirmed' }),
  people.map((leader): CaseCommand => ({ type: 'reopen', reason: 'Unhappy', leader })),
  fc.constant<CaseCommand>({ type: 'decide_review', outcome: 'revised', revised: resolveCommand }),
);

const finishing: fc.Arbitrary<CaseCommand> = fc.oneof(
  fc.constant<CaseCommand>({ type: 'close' }),
  fc.constant<CaseCommand>({ type: 'withdraw' }),
  fc.constantFrom('RD-2025-000001', 'RD-2025-000123').map((into): CaseCommand => ({ type: 'merge', into })),
);

// Finishing commands are rare so that long journeys (pauses, reviews, reopenings) happen often.
const command = fc.oneof({ arbitrary: working, weight: 12 }, { arbitrary: finishing, weight: 1 });

// Mostly hours apart, sometimes weeks, so review windows both hold and run out.
const hoursLater = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 24 }), weight: 4 },
  { arbitrary: fc.integer({ min: 0, max: 24 * 40 }), weight: 1 },
);

const step = fc.record({ command, hoursLater, actor: people });

// Most journeys start with a valid registration so that later states are reached often.
const journey = fc
  .tuple(fc.boolean(), fc.array(step, { maxLength: 60, size: 'medium' }))
  .map(([registerFirst, steps]) =>
    registerFirst ? [{ command: registerCommand, hoursLater: 1, actor: 'teller-li' }, ...steps] : steps,
  );

describe('any sequence of commands', () => {
  it('keeps the ledger whole, the first responder fixed and finished cases finished', () => {
    fc.assert(
      fc.property(journey, fc.integer({ min: 1, max: 50 }), (steps, initialVersion) => {
        const calculator = fakeDeadlineCalculator();
        const initial = deepFreeze(receivedCase({ version: initialVersion, lastEventSeq: initialVersion }));
        let current: ComplaintCase = initial;
        let now = afterReceipt(0);
        let successes = 0;
        const events: CaseEvent[] = [];
        let firstResponder: string | undefined;

        for (const { command: next, hoursLater, actor } of steps) {
          now = new Date(now.getTime() + hoursLater * 3_600_000);
          const wasTerminal = isTerminalStatus(current.status);
          let result: ReturnType<typeof applyCommand> | undefined;
          try {
            const bound: CaseCommand =
              next.type === 'extend' && next.signedIn
                ? { ...next, signedIn: { ...next.signedIn, id: actor } }
                : next;
            result = applyCommand(current, bound, contextAt(now, staff(actor), calculator));
          } catch (error) {
            // Refusals are typed; anything else is a bug.
            expect(
              error instanceof IllegalTransitionError ||
                error instanceof CaseRuleError ||
                error instanceof ExtensionApprovalError,
            ).toBe(true);
            if (wasTerminal) expect(error).toBeInstanceOf(IllegalTransitionError);
            continue;
          }
          expect(wasTerminal).toBe(false);
          expect(result.case.version).toBe(current.version + 1);
          expect(result.events.length).toBeGreaterThan(0);
          expect(result.case.escalationLevel).toBeGreaterThanOrEqual(current.escalationLevel);
          successes += 1;
          events.push(...result.events);
          current = deepFreeze(result.case);

          if (firstResponder === undefined) firstResponder = current.firstResponder;
          else expect(current.firstResponder).toBe(firstResponder);
          // A paused case has exactly one open pause; any other case has none.
          const openPauses = current.pauses.filter((pause) => pause.endedAt === undefined).length;
          expect(openPauses).toBe(current.status === 'paused' ? 1 : 0);
        }

        expect(current.version).toBe(initialVersion + successes);
        expect(events.map((event) => event.seq)).toEqual(
          events.map((_, index) => initialVersion + index + 1),
        );
        expect(current.lastEventSeq).toBe(initialVersion + events.length);
        expect(initial.status).toBe('received');
      }),
      { numRuns: 300 },
    );
  });

  it('reaches every terminal status and then refuses every command', () => {
    const ends: CaseCommand[][] = [
      [registerCommand, { type: 'start_work' }, resolveCommand, { type: 'close' }],
      [registerCommand, { type: 'withdraw' }],
      [{ type: 'merge', into: 'RD-2025-000001' }],
    ];
    for (const path of ends) {
      let c = receivedCase();
      let now = afterReceipt(0);
      for (const next of path) {
        now = new Date(now.getTime() + 3_600_000);
        c = applyCommand(c, next, contextAt(now)).case;
      }
      const finished = c;
      fc.assert(
        fc.property(command, (next) => {
          expect(() => applyCommand(finished, next, contextAt(afterReceipt(2)))).toThrow(
            IllegalTransitionError,
          );
        }),
        { numRuns: 60 },
      );
    }
  });
});
