import { applyCommand } from '../../../shared/domain/case/apply-command.js';
import type {
  CaseCommand,
  RegisterCommand,
  ResolveCommand,
  TransitionContext,
} from '../../../shared/domain/case/case-commands.js';
import type { Actor, CaseEvent, CaseStatus, ComplaintCase } from '../../../shared/domain/case/case-types.js';
import { type FakeDeadlineCalculator, fakeDeadlineCalculator } from './fake-deadline-calculator.js';

export const receivedAt = new Date('2025-03-03T01:30:00.000Z');
const hourMs = 60 * 60 * 1000;

/** `receivedAt` plus some days (and hours). */
export const afterReceipt = (days: number, hours = 0): Date =>
  new Date(receivedAt.getTime() + (days * 24 + hours) * hourMs);

export const staff = (id: string, role?: string): Actor => ({ id, kind: 'staff', ...(role ? { role } : {}) });
export const customer: Actor = { id: 'customer', kind: 'customer' };
export const slaWorkflow: Actor = { id: 'system:sla-workflow', kind: 'system' };

export function receivedCase(overrides: Partial<ComplaintCase> = {}): ComplaintCase {
  return {
    reference: 'RD-2025-000123',
    version: 1,
    status: 'received',
    channel: 'hotline',
    priority: 'normal',
    language: 'zh-CN',
    anonymous: false,
    customer: { name: 'Wang Fang', phone: '+8613800000000' },
    branchCode: 'BJ-0101',
    subject: 'Card fee charged twice',
    description: 'The annual fee was taken twice from my debit card.',
    receivedAt: receivedAt.toISOString(),
    clockPolicyId: 'cn-2020',
    calendarId: 'cn-mainland',
    pauses: [],
    extensions: [],
    escalationLevel: 0,
    repeatComplainant: false,
    lastEventSeq: 1,
    ...overrides,
  };
}

export const registerCommand: RegisterCommand = {
  type: 'register',
  firstResponder: 'teller-li',
  handler: 'teller-li',
  assignedUnit: 'BJ-0101-counter',
  priority: 'normal',
  repeatComplainant: false,
  clockPolicyId: 'cn-2020',
  calendarId: 'cn-mainland',
};

export const resolveCommand: ResolveCommand = {
  type: 'resolve',
  decision: 'upheld',
  atFault: 'yes',
  remedy: 'Second fee refunded',
  compensation: { amount: '120.00', currency: 'CNY' },
};

export function contextAt(
  now: Date,
  actor: Actor = staff('teller-li'),
  deadlines: FakeDeadlineCalculator = fakeDeadlineCalculator(),
): TransitionContext {
  return { actor, now, deadlines };
}

export interface Walked {
  case: ComplaintCase;
  events: CaseEvent[];
  /** The time of the last step; the next step should be later. */
  now: Date;
}

/** Applies commands one hour apart, starting an hour after `from`, collecting every event. */
export function walk(
  commands: readonly CaseCommand[],
  start: ComplaintCase = receivedCase(),
  from: Date = receivedAt,
  calculator: FakeDeadlineCalculator = fakeDeadlineCalculator(),
): Walked {
  let current = start;
  let now = from;
  const events: CaseEvent[] = [];
  for (const command of commands) {
    now = new Date(now.getTime() + hourMs);
    const result = applyCommand(current, command, contextAt(now, staff('teller-li'), calculator));
    current = result.case;
    events.push(...result.events);
  }
  return { case: current, events, now };
}

/** Command paths that bring a fresh case into each status. */
export const pathTo: Record<CaseStatus, readonly CaseCommand[]> = {
  received: [],
  registered: [registerCommand],
  in_progress: [registerCommand, { type: 'start_work' }],
  paused: [registerCommand, { type: 'start_work' }, { type: 'pause', reason: 'Card sent for testing' }],
  resolved: [registerCommand, { type: 'start_work' }, resolveCommand],
  under_review: [registerCommand, { type: 'start_work' }, resolveCommand, { type: 'request_review' }],
  closed: [registerCommand, { type: 'start_work' }, resolveCommand, { type: 'close' }],
  withdrawn: [registerCommand, { type: 'withdraw', reason: 'Settled at the counter' }],
  merged: [{ type: 'merge', into: 'RD-2025-000100' }],
};

export const caseIn = (status: CaseStatus): Walked => walk(pathTo[status]);

/** Freezes a case all the way down so any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
