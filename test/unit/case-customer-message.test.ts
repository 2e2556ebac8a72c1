import { describe, expect, it } from 'vitest';
import { applyBeforeStored, applyCommand } from '../../shared/domain/case/apply-command.js';
import type { CaseEvent } from '../../shared/domain/case/case-types.js';
import { afterReceipt, caseIn, contextAt, customer, receivedCase } from './support/case-fixtures.js';

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

  it('flags a case opened by a mail that quotes someone else’s case, on the case and its message', () => {
    const { case: working, now } = caseIn('in_progress');
    const { case: after, events } = applyCommand(
      working,
      { ...reply, claimsToReplyTo: 'RD-2025-000999' },
      contextAt(new Date(now.getTime() + 60_000), customer),
    );
    expect(after.claimsToReplyTo).toBe('RD-2025-000999');
    expect(events[0]?.data).toMatchObject({ claimsToReplyTo: 'RD-2025-000999' });
  });
});

describe('the mail that opens a case', () => {
  const opened: CaseEvent = {
    reference: 'RD-2025-000123',
    seq: 1,
    at: afterReceipt(0).toISOString(),
    kind: 'case.received',
    actor: customer,
  };

  it('joins the first write as the customer’s first message, without repeating the description', () => {
    const received = receivedCase();
    const now = afterReceipt(0, 1);
    const record = applyBeforeStored(
      { case: received, events: [opened] },
      {
        type: 'record_customer_message',
        via: 'email',
        messageId: 'CAF=first@mail.example.com',
        attachments: [],
        refusedAttachments: [],
        claimsToReplyTo: 'RD-2025-000999',
      },
      contextAt(now, customer),
    );

    // One stored change: the version the case is created at, and a gap-free ledger.
    expect(record.case).toMatchObject({
      version: received.version,
      lastEventSeq: 2,
      status: 'received',
      claimsToReplyTo: 'RD-2025-000999',
    });
    expect(record.events).toEqual([
      opened,
      {
        reference: 'RD-2025-000123',
        seq: 2,
        at: now.toISOString(),
        kind: 'case.customer_message',
        actor: customer,
        data: {
          via: 'email',
          messageId: 'CAF=first@mail.example.com',
          attachments: [],
          refusedAttachments: [],
          claimsToReplyTo: 'RD-2025-000999',
        },
      },
    ]);
  });
});
