import { describe, expect, it } from 'vitest';
import { mayMailCustomer } from '../../shared/domain/effects/customer-mail-allowed.js';
import { registrationEffects } from '../../shared/domain/effects/registration-effects.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { senderDigest } from '../../shared/domain/mail-intake/sender-digest.js';
import {
  acknowledgementWindow,
  MAX_ACKNOWLEDGEMENTS_PER_ADDRESS,
  normaliseStormSubject,
  STORM_WINDOW_MS,
  stormKey,
  stormStillOpen,
} from '../../shared/domain/mail-intake/sender-rules.js';
import { buildCase } from '../support/case-factory.js';

describe('sender digests', () => {
  it('are the same for one address however it is written, and never contain it', () => {
    const digest = senderDigest('Li.Hua@Example.com ');
    expect(digest).toBe(senderDigest('li.hua@example.com'));
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(senderDigest('zhang.min@example.org')).not.toBe(digest);
    expect(senderDigest(undefined)).toBe('none');
  });
});

describe('auto-reply storms', () => {
  const from = { address: 'responder@example.com' };

  it("group one sender's near-identical subjects: counters, prefixes and punctuation do not matter", () => {
    expect(normaliseStormSubject('Re: Your message #12 was received!')).toBe(
      normaliseStormSubject('RE: your message 13 was received'),
    );
    expect(stormKey({ from, subject: 'Ticket 1001 opened' })).toBe(
      stormKey({ from, subject: 'Ticket 1002 opened' }),
    );
  });

  it('keep other senders, other subjects and unverified mail apart', () => {
    const key = stormKey({ from, subject: 'Ticket 1001 opened' });
    expect(stormKey({ from: { address: 'other@example.com' }, subject: 'Ticket 1001 opened' })).not.toBe(key);
    expect(stormKey({ from, subject: 'Card blocked' })).not.toBe(key);
    expect(stormKey({ from, subject: 'Ticket 1001 opened' }, { senderUnverified: true })).not.toBe(key);
  });

  it('join the first case for 24 hours only', () => {
    const opened = '2026-11-23T02:00:00.000Z';
    expect(STORM_WINDOW_MS).toBe(24 * 3600 * 1000);
    expect(stormStillOpen(opened, new Date('2026-11-24T01:59:59.000Z'))).toBe(true);
    expect(stormStillOpen(opened, new Date('2026-11-24T02:00:00.000Z'))).toBe(false);
  });
});

describe('the acknowledgement limit', () => {
  it('allows a few an hour per address, counted in whole hours', () => {
    expect(MAX_ACKNOWLEDGEMENTS_PER_ADDRESS).toBe(3);
    expect(acknowledgementWindow(new Date('2026-11-23T02:00:00.000Z'))).toBe(
      acknowledgementWindow(new Date('2026-11-23T02:59:59.999Z')),
    );
    expect(acknowledgementWindow(new Date('2026-11-23T03:00:00.000Z'))).toBe(
      acknowledgementWindow(new Date('2026-11-23T02:00:00.000Z')) + 1,
    );
  });
});

describe('a case opened by unauthenticated mail', () => {
  const unacknowledged = buildCase({ status: 'registered', acknowledgedAt: undefined });

  it('owes no acknowledgement and may not be mailed', () => {
    const flagged = { ...unacknowledged, flags: ['sender_unverified' as const] };
    expect(mayMailCustomer(flagged)).toBe(false);
    expect(
      registrationEffects(flagged, { ladder: defaultEscalationLadder }).map((e) => e.kind),
    ).not.toContain('acknowledgement');
    expect(mayMailCustomer(unacknowledged)).toBe(true);
    expect(
      registrationEffects(unacknowledged, { ladder: defaultEscalationLadder }).map((e) => e.kind),
    ).toContain('acknowledgement');
  });
});
