import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import { caseIn, contextAt, customer } from './support/case-fixtures.js';

const reply = {
  type: 'record_customer_message',
  via: 'email',
  messageId: 'CAF=reply-1@mail.example.com',
  text: 'I still have not received the refund.',
} as const;

describe('a customer message on a case', () => {
  it('goes on the ledger of a case in progress without changing its status', () => {
    const { case: working, now } = caseIn('in_progress');
    const { case: after, events } = applyCommand(
      working,
      reply,
      contextAt(new Date(now.getTime() + 60_000), customer),
    );
    expect(after.status).toBe('in_progress');
    expect(events.map((event) => event.kind)).toEqual(['case.customer_message']);
    expect(events[0]?.data).toMatchObject({ via: 'email', text: 'I still have not received the refund.' });
  });

  it('asks for the second contact when the customer answers a decision inside the review window', () => {
    const { case: resolved, now } = caseIn('resolved');
    const { case: after, events } = applyCommand(
      resolved,
      reply,
      contextAt(new Date(now.getTime() + 60_000), customer),
    );
    expect(after.status).toBe('in_progress');
    expect(after.secondContact?.count).toBe(1);
    expect(after.firstResponder).toBe(resolved.firstResponder);
    expect(events.map((event) => event.kind)).toEqual(['case.customer_message', 'case.reopened']);
  });

  it('only records a message that arrives after the review window has closed', () => {
    const { case: resolved } = caseIn('resolved');
    const windowEnd = Date.parse(resolved.deadlines?.reviewRequestBy ?? '');
    expect(Number.isNaN(windowEnd)).toBe(false);
    const { case: after, events } = applyCommand(
      resolved,
      reply,
      contextAt(new Date(windowEnd + 60_000), customer),
    );
    expect(after.status).toBe('resolved');
    expect(events.map((event) => event.kind)).toEqual(['case.customer_message']);
  });

  it('is refused on a closed case, whose ledger is sealed', () => {
    const { case: closed, now } = caseIn('closed');
    expect(() => applyCommand(closed, reply, contextAt(new Date(now.getTime() + 60_000), customer))).toThrow(
      /cannot record a customer message on a case that is closed/,
    );
  });
});
