import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import {
  type CaseCommand,
  type CaseCommandType,
  caseCommandTypes,
} from '../../shared/domain/case/case-commands.js';
import { IllegalTransitionError } from '../../shared/domain/case/case-errors.js';
import type { CaseStatus } from '../../shared/domain/case/case-types.js';
import { caseIn, contextAt, registerCommand, resolveCommand } from './support/case-fixtures.js';

const columns: readonly CaseStatus[] = [
  'received',
  'registered',
  'in_progress',
  'paused',
  'resolved',
  'under_review',
  'closed',
  'withdrawn',
  'merged',
];

/** Which command a case in each status accepts (x) or refuses (.), as the complaint desk works. */
const matrix: Record<CaseCommandType, string> = {
  //                   rcv reg inp pau res rev clo wdr mrg
  register: '           x   .   .   .   .   .   .   .   .',
  acknowledge: '        .   x   x   x   .   .   .   .   .',
  start_work: '         .   x   .   .   .   .   .   .   .',
  assign: '             .   x   x   x   .   x   .   .   .',
  transfer: '           .   x   x   x   .   x   .   .   .',
  note: '               x   x   x   x   x   x   .   .   .',
  request_info: '       .   x   x   x   .   x   .   .   .',
  record_reminder: '    .   x   x   .   .   .   .   .   .',
  record_acknowledgement_overdue: '.   x   x   .   .   .   .   .   .',
  record_breach: '      .   x   x   .   .   .   .   .   .',
  pause: '              .   .   x   .   .   .   .   .   .',
  resume: '             .   .   .   x   .   .   .   .   .',
  extend: '             .   x   x   x   .   .   .   .   .',
  escalate: '           .   x   x   x   .   x   .   .   .',
  record_escalation: '  .   x   x   .   .   x   .   .   .',
  resolve: '            .   x   x   .   .   .   .   .   .',
  request_review: '     .   .   .   .   x   .   .   .   .',
  decide_review: '      .   .   .   .   .   x   .   .   .',
  reopen: '             .   .   .   .   x   x   .   .   .',
  close: '              .   .   .   .   x   .   .   .   .',
  withdraw: '           x   x   x   x   .   .   .   .   .',
  merge: '              x   x   x   x   .   .   .   .   .',
  record_customer_message: 'x   x   x   x   x   x   .   .   .',
  record_delivery: '    x   x   x   x   x   x   x   x   x',
  record_notice_sent: 'x   x   x   x   x   x   x   x   x',
};

const sample: Record<CaseCommandType, CaseCommand> = {
  register: registerCommand,
  acknowledge: { type: 'acknowledge' },
  start_work: { type: 'start_work' },
  assign: { type: 'assign', to: 'officer-zhao' },
  transfer: { type: 'transfer', toUnit: 'card-centre', note: 'Card fees' },
  note: { type: 'note', text: 'Customer called again' },
  request_info: { type: 'request_info', text: 'Statement for March' },
  record_reminder: { type: 'record_reminder' },
  record_acknowledgement_overdue: { type: 'record_acknowledgement_overdue' },
  record_breach: { type: 'record_breach' },
  pause: { type: 'pause', reason: 'External appraisal' },
  resume: { type: 'resume' },
  extend: { type: 'extend', reason: 'Complex case' },
  escalate: { type: 'escalate', level: 2, reason: 'Media interest' },
  record_escalation: { type: 'record_escalation' },
  resolve: resolveCommand,
  request_review: { type: 'request_review' },
  decide_review: { type: 'decide_review', outcome: 'confirmed' },
  reopen: { type: 'reopen', reason: 'Customer unhappy', leader: 'deputy-president-chen' },
  close: { type: 'close' },
  withdraw: { type: 'withdraw' },
  merge: { type: 'merge', into: 'RD-2025-000001' },
  record_customer_message: { type: 'record_customer_message', via: 'email', text: 'Any news?' },
  record_delivery: {
    type: 'record_delivery',
    outcome: 'delivered',
    messageId: '010001a2b3c4d5e6-deadbeef-0000-0000-0000-000000',
    occurredAt: '2026-11-23T02:05:00.000Z',
    recipientDigests: ['0'.repeat(64)],
  },
  record_notice_sent: {
    type: 'record_notice_sent',
    effectId: 'RD-20261123-ABCDEF/v3/0',
    notice: 'decision',
    messageId: '010001a2b3c4d5e6-deadbeef-0000-0000-0000-000000',
    recipients: 1,
  },
};

const cells = caseCommandTypes.flatMap((command) => {
  const marks = matrix[command].trim().split(/\s+/);
  return columns.map((status, index) => ({
    command,
    status,
    allowed: marks[index] === 'x',
  }));
});

const statusInWords: Record<CaseStatus, string> = {
  received: 'only received and not yet registered',
  registered: 'registered',
  in_progress: 'in progress',
  paused: 'paused',
  resolved: 'resolved',
  under_review: 'under review',
  closed: 'closed',
  withdrawn: 'withdrawn',
  merged: 'merged into another case',
};

describe('illegal moves', () => {
  it('the table covers every command against every status', () => {
    expect(cells).toHaveLength(caseCommandTypes.length * 9);
    expect(caseCommandTypes).toHaveLength(25);
    for (const row of Object.values(matrix)) expect(row.trim().split(/\s+/)).toHaveLength(columns.length);
  });

  it.each(cells.filter((cell) => !cell.allowed))(
    'refuses $command on a $status case',
    ({ command, status }) => {
      const { case: c, now } = caseIn(status);
      const before = structuredClone(c);
      let caught: unknown;
      try {
        applyCommand(c, sample[command], contextAt(new Date(now.getTime() + 3_600_000)));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(IllegalTransitionError);
      expect(caught).toMatchObject({
        code: 'illegal_transition',
        from: status,
        command,
        message: expect.stringMatching(new RegExp(`^cannot .+ a case that is ${statusInWords[status]}$`)),
      });
      expect(c).toEqual(before);
    },
  );

  it.each(cells.filter((cell) => cell.allowed))(
    'accepts $command on a $status case',
    ({ command, status }) => {
      const { case: c, now } = caseIn(status);
      const result = applyCommand(c, sample[command], contextAt(new Date(now.getTime() + 3_600_000)));
      expect(result.case.version).toBe(c.version + 1);
    },
  );

  it('explains the refusal in plain words', () => {
    const { case: c, now } = caseIn('resolved');
    expect(() => applyCommand(c, { type: 'pause', reason: 'Lab test' }, contextAt(now))).toThrow(
      'cannot pause a case that is resolved',
    );
  });
});
