import { describe, expect, it } from 'vitest';
import {
  greenChannelReasons,
  type PriorityRules,
  priorityFor,
} from '../../shared/domain/case/priority-rules.js';

describe('green channel (绿色通道) by default', () => {
  it.each([
    ['a customer aged 70', { age: 70 }, {}, 'green_channel'],
    ['a customer aged 85', { age: 85 }, {}, 'green_channel'],
    ['a customer aged 69', { age: 69 }, {}, 'normal'],
    ['a customer marked vulnerable', { age: 40, vulnerable: true }, {}, 'green_channel'],
    ['an urgent complaint', { age: 35 }, { urgent: true }, 'green_channel'],
    ['an ordinary complaint', { age: 35, vulnerable: false }, { urgent: false }, 'normal'],
    ['an anonymous complaint with no age', {}, {}, 'normal'],
  ] as const)('gives %s the %s priority', (_, customerFacts, flags, expected) => {
    expect(priorityFor(customerFacts, flags)).toBe(expected);
  });

  it('tells staff every reason that applies', () => {
    expect(greenChannelReasons({ age: 78, vulnerable: true }, { urgent: true })).toEqual([
      { kind: 'age_at_least', years: 70 },
      { kind: 'vulnerable' },
      { kind: 'urgent' },
    ]);
  });
});

describe('a bank’s own green-channel rules', () => {
  const rules: PriorityRules = { greenChannel: [{ kind: 'age_at_least', years: 65 }] };

  it('uses the bank’s age and ignores rules it left out', () => {
    expect(priorityFor({ age: 66 }, {}, rules)).toBe('green_channel');
    expect(priorityFor({ age: 40, vulnerable: true }, { urgent: true }, rules)).toBe('normal');
  });

  it('puts nobody in the green channel when the bank has no rules', () => {
    expect(priorityFor({ age: 90, vulnerable: true }, { urgent: true }, { greenChannel: [] })).toBe('normal');
  });
});
