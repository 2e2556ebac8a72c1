import { describe, expect, it } from 'vitest';
import { nextDueAt } from '../../shared/domain/case/case-due.js';
import { registerCase } from '../../shared/domain/case/case-intake.js';
import type { ComplaintCase } from '../../shared/domain/case/case-types.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';

const received = (receivedAt: string): ComplaintCase => ({
  reference: 'RD-20260930-TESTCN',
  version: 1,
  status: 'received',
  channel: 'web',
  priority: 'normal',
  language: 'zh-CN',
  anonymous: false,
  customer: { name: '王芳', email: 'wang.fang@example.com' },
  subject: '转账未到账',
  description: '9月29日的跨行转账至今未到账。',
  receivedAt,
  clockPolicyId: 'cn-2020',
  calendarId: 'cn-mainland',
  pauses: [],
  extensions: [],
  escalationLevel: 0,
  repeatComplainant: false,
  lastEventSeq: 1,
});

describe('registering a case with the real CN 2020 clock', () => {
  it('promises a decision 15 calendar days after receipt and an acknowledgement on the next working day', () => {
    // 30 September 2026, 10:00 Beijing time: the National Day holiday starts the next day.
    const complaint = received('2026-09-30T02:00:00.000Z');
    const { case: registered, events } = registerCase(
      complaint,
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
        now: new Date('2026-09-30T02:01:00.000Z'),
        deadlines: deadlineCalculatorFor('cn-2020', 'cn-mainland'),
      },
    );
    expect(registered.status).toBe('registered');
    expect(registered.firstResponder).toBe('desk:BJ-001');
    expect(registered.deadlines?.decideBy).toBe('2026-10-15T15:59:59.999Z');
    // 1 to 7 October are holidays and 8 October is the first working day after receipt.
    expect(registered.deadlines?.acknowledgeBy).toBe('2026-10-08T15:59:59.999Z');
    expect(nextDueAt(registered)).toBe(registered.deadlines?.acknowledgeBy);
    expect(events.map((event) => event.kind)).toContain('case.registered');
  });
});
