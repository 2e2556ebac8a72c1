import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import {
  DuplicateClockPolicyError,
  InvalidClockPolicyError,
  UnknownClockPolicyError,
} from '../../shared/domain/clock-policy/clock-policy-errors.js';
import {
  clockPolicyIds,
  createClockPolicyRegistry,
  getClockPolicy,
  presetClockPolicyIds,
} from '../../shared/domain/clock-policy/clock-policy-registry.js';
import { createDeadlineCalculator } from '../../shared/domain/clock-policy/create-deadline-calculator.js';
import { checkExtensionRequest } from '../../shared/domain/clock-policy/extensions.js';

/** A bank's own policy as it would arrive in JSON; reminderShare is left to its default. */
const bankPolicy = () => ({
  id: 'hk-bank-internal',
  name: 'Internal complaint standard',
  source: 'Board complaint policy 2026',
  defaultCalendarId: 'weekdays-utc',
  acknowledgeWithin: { unit: 'business_days', amount: 2 },
  decideWithin: { unit: 'business_days', amount: 20 },
  extensions: [
    {
      step: 1,
      label: 'complex',
      decideWithin: { unit: 'business_days', amount: 40 },
      requiresApproval: true,
      customerMustBeTold: true,
      description: 'Head of complaints approves; the customer is told.',
    },
  ],
  pausesStopClock: true,
  greenChannel: {
    decideWithin: { unit: 'business_days', amount: 10 },
    rationale: 'Vulnerable customers first.',
  },
});

const issuesOf = (changes: Record<string, unknown>): string[] => {
  try {
    createClockPolicyRegistry({ initial: [] }).register({ ...bankPolicy(), ...changes });
  } catch (error) {
    if (error instanceof InvalidClockPolicyError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
};

describe('clock policy registry', () => {
  it('ships the five presets, each naming a registered default calendar', () => {
    expect(presetClockPolicyIds).toEqual([
      'cn-2020',
      'uk-fca-disp',
      'uk-fca-disp-payments',
      'eu-psd2',
      'us-cfpb',
    ]);
    expect(clockPolicyIds()).toEqual(expect.arrayContaining([...presetClockPolicyIds]));
    const defaults = presetClockPolicyIds.map((id) => [id, getClockPolicy(id).defaultCalendarId]);
    expect(defaults).toEqual([
      ['cn-2020', 'cn-mainland'],
      ['uk-fca-disp', 'gb-eng-wls'],
      ['uk-fca-disp-payments', 'gb-eng-wls'],
      ['eu-psd2', 'weekdays-utc'],
      ['us-cfpb', 'weekdays-utc'],
    ]);
    for (const [, calendarId] of defaults) expect(() => getCalendar(calendarId ?? '')).not.toThrow();
  });

  it('gives every preset a green-channel rationale and a reminder at 80%', () => {
    for (const id of presetClockPolicyIds) {
      const policy = getClockPolicy(id);
      expect(policy.greenChannel.rationale.length, id).toBeGreaterThan(10);
      expect(policy.reminderShare, id).toBe(0.8);
    }
  });

  it('names the policy it cannot find', () => {
    expect(() => getClockPolicy('sg-mas')).toThrow(UnknownClockPolicyError);
    expect(() => getClockPolicy('sg-mas')).toThrow(/sg-mas/);
  });

  it("accepts a bank's own policy from JSON, defaulting the reminder to 80%", () => {
    const registry = createClockPolicyRegistry();
    const policy = registry.register(JSON.parse(JSON.stringify(bankPolicy())));
    expect(policy.reminderShare).toBe(0.8);
    const calculator = createDeadlineCalculator(policy, getCalendar(policy.defaultCalendarId));
    expect(calculator.maxExtensions).toBe(1);
    expect(calculator.approvalRequiredFromStep).toBe(1);
    // Monday 1 June 2026: 20 business days later is Monday 29 June.
    const deadlines = calculator.deadlines({
      receivedAt: '2026-06-01T09:00:00Z',
      priority: 'normal',
      pauses: [],
      extensions: [],
    });
    expect(deadlines.decideBy).toBe('2026-06-29T23:59:59.999Z');
  });

  it('refuses a taken id and a default calendar nobody registered', () => {
    const registry = createClockPolicyRegistry();
    expect(() => registry.register({ ...bankPolicy(), id: 'cn-2020' })).toThrow(DuplicateClockPolicyError);
    expect(() => registry.register({ ...bankPolicy(), defaultCalendarId: 'fr-metropole' })).toThrow(
      /no calendar fr-metropole is registered/,
    );
  });

  it('rejects extensions out of order or that do not lengthen the clock', () => {
    const [step] = bankPolicy().extensions;
    expect(issuesOf({ extensions: [{ ...step, step: 2 }] })).toEqual(['extensions.0.step: must be 1']);
    expect(
      issuesOf({ extensions: [{ ...step, decideWithin: { unit: 'business_days', amount: 15 } }] }),
    ).toEqual(['extensions.0.decideWithin: an extension must make the decision period longer']);
  });

  it('rejects a green channel slower than the normal clock, and impossible numbers', () => {
    expect(
      issuesOf({ greenChannel: { decideWithin: { unit: 'business_days', amount: 25 }, rationale: 'x' } }),
    ).toEqual(['greenChannel.decideWithin: must not be longer than the normal decision period']);
    expect(issuesOf({ reminderShare: 1.2 })).toHaveLength(1);
    expect(issuesOf({ decideWithin: { unit: 'weeks', amount: 8 } })).toHaveLength(1);
    expect(issuesOf({ decideWithin: { unit: 'business_days', amount: 0 } })).toContain(
      'decideWithin.amount: must be greater than 0',
    );
  });
});

describe('extension requests', () => {
  const cn = getClockPolicy('cn-2020');
  const first = { step: 1, reason: 'complex', at: '2026-10-09T02:00:00Z', by: 'staff-42' };

  it('takes steps in order, needs an approver from step 2 and stops at the policy maximum', () => {
    expect(checkExtensionRequest(cn, [], { step: 1 })).toMatchObject({
      ok: true,
      step: { label: 'complex' },
    });
    expect(checkExtensionRequest(cn, [], { step: 2, approvedBy: 'boss' })).toEqual({
      ok: false,
      reason: 'wrong_step',
    });
    expect(checkExtensionRequest(cn, [first], { step: 2 })).toEqual({
      ok: false,
      reason: 'approval_required',
    });
    expect(checkExtensionRequest(cn, [first], { step: 2, approvedBy: 'boss' })).toMatchObject({ ok: true });
    const both = [first, { ...first, step: 2, approvedBy: 'boss' }];
    expect(checkExtensionRequest(cn, both, { step: 3, approvedBy: 'boss' })).toEqual({
      ok: false,
      reason: 'max_reached',
    });
    expect(checkExtensionRequest(getClockPolicy('uk-fca-disp'), [], { step: 1 })).toEqual({
      ok: false,
      reason: 'no_extensions',
    });
  });
});
