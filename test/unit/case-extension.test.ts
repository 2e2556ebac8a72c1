import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import { caseEventKinds } from '../../shared/domain/case/case-event-kinds.js';
import type { ComplaintCase } from '../../shared/domain/case/case-types.js';
import {
  approvingRole,
  type SignedInStaff,
  signedInStaff,
} from '../../shared/domain/case/extension-approval.js';
import type { StaffRole } from '../../shared/domain/staff/staff-types.js';
import {
  afterReceipt,
  contextAt,
  receivedCase,
  registerCommand,
  staff,
  walk,
} from './support/case-fixtures.js';
import { fakeDeadlineCalculator } from './support/fake-deadline-calculator.js';

const inProgress = () => walk([registerCommand, { type: 'start_work' }]).case;

const person = (id: string, roles: StaffRole[], branches: string[]): SignedInStaff => ({
  id,
  roles,
  branches,
});
const headOf = (branch: string) => person(`head-${branch}`, ['branch_head'], [branch]);
const supervisorOf = (branch: string) => person(`ops-${branch}`, ['operations_supervisor'], [branch]);

/** The signed-in person extends the case again, acting as themselves. */
const approve = (c: ComplaintCase, signedIn: SignedInStaff, now: Date) =>
  applyCommand(
    c,
    { type: 'extend', reason: 'Especially complex', signedIn },
    contextAt(now, staff(signedIn.id)),
  );

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

  it('refuses the second extension when nobody who may approve it is signed in', () => {
    const once = applyCommand(
      inProgress(),
      { type: 'extend', reason: 'Complex' },
      contextAt(afterReceipt(10)),
    );
    expect(() =>
      applyCommand(
        once.case,
        { type: 'extend', reason: 'Especially complex' },
        contextAt(afterReceipt(25), staff('officer-zhao')),
      ),
    ).toThrow(
      expect.objectContaining({
        name: 'ExtensionApprovalError',
        code: 'approver_lacks_authority',
        message: expect.stringMatching(/branch head or someone above them over branch BJ-0101/),
      }),
    );
  });

  it('grants the second extension to a branch head of the case’s branch: who asked, who approved and when', () => {
    const once = applyCommand(
      inProgress(),
      { type: 'extend', reason: 'Complex' },
      contextAt(afterReceipt(10)),
    );
    const now = afterReceipt(25);
    const twice = approve(once.case, headOf('BJ-0101'), now);

    expect(twice.case.extensions[1]).toEqual({
      step: 2,
      reason: 'Especially complex',
      at: now.toISOString(),
      by: 'teller-li',
      approvedBy: 'head-BJ-0101',
    });
    expect(twice.case.deadlines?.decideBy).toBe(afterReceipt(45).toISOString());
    expect(twice.events).toEqual([
      expect.objectContaining({
        kind: caseEventKinds.clockExtended,
        at: now.toISOString(),
        actor: expect.objectContaining({ id: 'head-BJ-0101' }),
        data: expect.objectContaining({
          step: 2,
          requestedBy: 'teller-li',
          approvedBy: 'head-BJ-0101',
          approverRole: 'branch_head',
          approvedAt: now.toISOString(),
        }),
      }),
    ]);
  });

  it('does not let the requester approve their own extension, whatever their rank', () => {
    // The branch head handles the case themselves: another superior must approve.
    const { case: c } = walk([
      { ...registerCommand, handler: 'head-BJ-0101' },
      { type: 'start_work' },
      { type: 'extend', reason: 'Complex' },
    ]);
    expect(() => approve(c, headOf('BJ-0101'), afterReceipt(25))).toThrow(
      expect.objectContaining({
        name: 'ExtensionApprovalError',
        code: 'approver_is_requester',
        message: expect.stringMatching(/other than the person who asked for it/),
      }),
    );
    expect(approve(c, supervisorOf('BJ-0101'), afterReceipt(25)).case.extensions[1]).toMatchObject({
      by: 'head-BJ-0101',
      approvedBy: 'ops-BJ-0101',
    });
  });

  it('takes the requester from the case: the first responder when nobody handles it', () => {
    const { case: c } = walk([
      { ...registerCommand, handler: undefined, firstResponder: 'agent-wu' },
      { type: 'start_work' },
      { type: 'extend', reason: 'Complex' },
    ]);
    expect(c.handler).toBeUndefined();
    expect(approve(c, headOf('BJ-0101'), afterReceipt(25)).case.extensions[1]).toMatchObject({
      by: 'agent-wu',
      approvedBy: 'head-BJ-0101',
    });
  });

  describe('who may approve the second extension of a case of branch BJ-0101', () => {
    const once = () =>
      applyCommand(inProgress(), { type: 'extend', reason: 'Complex' }, contextAt(afterReceipt(10))).case;
    const matrix: Array<[string, SignedInStaff, StaffRole | 'approver_lacks_authority']> = [
      ['an agent of the branch', person('agent-wu', ['agent'], ['BJ-0101']), 'approver_lacks_authority'],
      ['a handler of the branch', person('handler-ma', ['handler'], ['BJ-0101']), 'approver_lacks_authority'],
      ['the branch head', headOf('BJ-0101'), 'branch_head'],
      [
        'the head of the branch above it',
        person('head-BJ', ['branch_head'], ['BJ', 'BJ-0101']),
        'branch_head',
      ],
      ['the head of another branch', headOf('SH-0201'), 'approver_lacks_authority'],
      ['the operations supervisor of the branch', supervisorOf('BJ-0101'), 'operations_supervisor'],
      ['the operations supervisor of another branch', supervisorOf('SH-0201'), 'approver_lacks_authority'],
      ['a deputy president', person('deputy-president-chen', ['deputy_president'], []), 'deputy_president'],
      ['the president', person('president-guo', ['president'], []), 'president'],
      [
        'the consumer-protection officer',
        person('cpo-sun', ['consumer_protection_officer'], []),
        'consumer_protection_officer',
      ],
      ['an administrator', person('admin-qian', ['admin'], []), 'approver_lacks_authority'],
      [
        'a handler who is also head of another branch',
        person('head-SH-0201', ['handler', 'branch_head'], ['SH-0201']),
        'approver_lacks_authority',
      ],
    ];

    it.each(matrix)('%s', (_who, signedIn, outcome) => {
      if (outcome === 'approver_lacks_authority') {
        expect(() => approve(once(), signedIn, afterReceipt(25))).toThrow(
          expect.objectContaining({ name: 'ExtensionApprovalError', code: outcome }),
        );
        return;
      }
      const approved = approve(once(), signedIn, afterReceipt(25));
      expect(approved.case.extensions[1]).toMatchObject({ by: 'teller-li', approvedBy: signedIn.id });
      expect(approved.events[0]?.data).toMatchObject({ approverRole: outcome });
    });
  });

  it('leaves a case without a branch to the head office', () => {
    const { case: c } = walk(
      [registerCommand, { type: 'start_work' }, { type: 'extend', reason: 'Complex' }],
      receivedCase({ branchCode: undefined }),
    );
    expect(() => approve(c, headOf('BJ-0101'), afterReceipt(25))).toThrow(
      expect.objectContaining({
        code: 'approver_lacks_authority',
        message: expect.stringMatching(/no branch/),
      }),
    );
    expect(
      approve(c, person('deputy-president-chen', ['deputy_president'], []), afterReceipt(25)).case.extensions,
    ).toHaveLength(2);
  });

  it('reaches the branches below a head’s own branch, not those beside it', () => {
    const tree = [{ code: 'BJ' }, { code: 'BJ-0101', parent: 'BJ' }, { code: 'SH-0201', parent: 'SH' }];
    const signedIn = signedInStaff(
      { id: 'head-BJ', name: 'Head of Beijing', roles: ['branch_head'], branchCode: 'BJ' },
      tree,
    );
    expect([...signedIn.branches].sort()).toEqual(['BJ', 'BJ-0101']);
    expect(approvingRole(signedIn, { branchCode: 'BJ-0101' })).toBe('branch_head');
    expect(approvingRole(signedIn, { branchCode: 'SH-0201' })).toBeUndefined();
  });

  it('never lets the command name an approver other than the one acting', () => {
    const once = applyCommand(
      inProgress(),
      { type: 'extend', reason: 'Complex' },
      contextAt(afterReceipt(10)),
    );
    expect(() =>
      applyCommand(
        once.case,
        { type: 'extend', reason: 'Especially complex', signedIn: headOf('BJ-0101') },
        contextAt(afterReceipt(25), staff('nobody')),
      ),
    ).toThrow(/is not the actor/);
  });

  it('refuses to extend beyond what the policy allows', () => {
    const { case: c } = walk([
      registerCommand,
      { type: 'start_work' },
      { type: 'extend', reason: 'Complex' },
    ]);
    const twice = approve(c, person('deputy-president-chen', ['deputy_president'], []), afterReceipt(25));
    expect(() => approve(twice.case, person('president-guo', ['president'], []), afterReceipt(40))).toThrow(
      expect.objectContaining({ code: 'extension_limit_reached' }),
    );
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
