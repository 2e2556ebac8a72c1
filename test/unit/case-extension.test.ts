import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import { caseEventKinds } from '../../shared/domain/case/case-event-kinds.js';
import { afterReceipt, contextAt, registerCommand, staff, walk } from './support/case-fixtures.js';
import { fakeDeadlineCalculator } from './support/fake-deadline-calculator.js';

const inProgress = () => walk([registerCommand, { type: 'start_work' }]).case;

describe('extending the decision period', () => {
  it('takes the first extension on the handler’s word and moves the deadline', () => {
    const now = afterReceipt(10);
    const result = applyCommand(
      inProgress(),
      { type: 'extend', reason: 'Complex: two products' },
      contextAt(now),
    );

    expect(result.case.extensions).toEqual([
      { step: 1, reason: 'Complex: two products', at: now.toISOString(), by: 'teller-li' },
    ]);
    expect(result.case.deadlines?.decideBy).toBe(afterReceipt(30).toISOString());
    expect(result.events[0]).toMatchObject({
      kind: caseEventKinds.clockExtended,
      data: {
        step: 1,
        decideByBefore: afterReceipt(15).toISOString(),
        decideBy: afterReceipt(30).toISOString(),
      },
    });
  });

  it('refuses the second extension without a superior’s approval', () => {
    const once = applyCommand(
      inProgress(),
      { type: 'extend', reason: 'Complex' },
      contextAt(afterReceipt(10)),
    );
    expect(() =>
      applyCommand(once.case, { type: 'extend', reason: 'Especially complex' }, contextAt(afterReceipt(25))),
    ).toThrow(expect.objectContaining({ name: 'CaseRuleError', code: 'extension_needs_approval' }));
  });

  it('grants the second extension with approval and records the approver', () => {
    const once = applyCommand(
      inProgress(),
      { type: 'extend', reason: 'Complex' },
      contextAt(afterReceipt(10)),
    );
    const twice = applyCommand(
      once.case,
      { type: 'extend', reason: 'Especially complex', approvedBy: 'deputy-president-chen' },
      contextAt(afterReceipt(25)),
    );
    expect(twice.case.extensions[1]).toMatchObject({ step: 2, approvedBy: 'deputy-president-chen' });
    expect(twice.case.deadlines?.decideBy).toBe(afterReceipt(45).toISOString());
  });

  it('does not let the requester approve their own extension', () => {
    const once = applyCommand(
      inProgress(),
      { type: 'extend', reason: 'Complex' },
      contextAt(afterReceipt(10)),
    );
    expect(() =>
      applyCommand(
        once.case,
        { type: 'extend', reason: 'Especially complex', approvedBy: 'teller-li' },
        contextAt(afterReceipt(25), staff('teller-li')),
      ),
    ).toThrow(expect.objectContaining({ code: 'approver_is_requester' }));
  });

  it('refuses to extend beyond what the policy allows', () => {
    const { case: c } = walk([
      registerCommand,
      { type: 'start_work' },
      { type: 'extend', reason: 'Complex' },
      { type: 'extend', reason: 'Especially complex', approvedBy: 'deputy-president-chen' },
    ]);
    expect(() =>
      applyCommand(
        c,
        { type: 'extend', reason: 'Still more', approvedBy: 'president-guo' },
        contextAt(afterReceipt(40)),
      ),
    ).toThrow(expect.objectContaining({ code: 'extension_limit_reached' }));
  });

  it('follows a policy where no step needs approval and only one extension exists', () => {
    const calculator = fakeDeadlineCalculator({ maxExtensions: 1, approvalRequiredFromStep: null });
    const { case: c } = walk([registerCommand, { type: 'start_work' }], undefined, undefined, calculator);
    const once = applyCommand(
      c,
      { type: 'extend', reason: 'Holding reply sent' },
      contextAt(afterReceipt(10), undefined, calculator),
    );
    expect(once.case.extensions).toHaveLength(1);
    expect(() =>
      applyCommand(
        once.case,
        { type: 'extend', reason: 'Again' },
        contextAt(afterReceipt(11), undefined, calculator),
      ),
    ).toThrow(expect.objectContaining({ code: 'extension_limit_reached' }));
  });

  it('may extend a paused case, keeping the paused time out of the clock', () => {
    const { case: paused } = walk([
      registerCommand,
      { type: 'start_work' },
      { type: 'pause', reason: 'Lab test' },
    ]);
    const extended = applyCommand(
      paused,
      { type: 'extend', reason: 'Lab needs more time' },
      contextAt(afterReceipt(5)),
    );
    expect(extended.case.status).toBe('paused');
    const resumed = applyCommand(extended.case, { type: 'resume' }, contextAt(afterReceipt(8, 3)));
    // Paused from hour 3 to day 8 hour 3: the 30-day period moves by exactly 8 days.
    expect(resumed.case.deadlines?.decideBy).toBe(afterReceipt(38).toISOString());
  });
});
