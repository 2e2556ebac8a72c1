import { describe, expect, it } from 'vitest';
import { sampleRoutingRules } from '../../shared/config/routing-rules.js';
import { configuredDeskEmail, firstResponderDesk } from '../../shared/domain/intake/first-responder.js';
import type { Branch } from '../../shared/schemas/staff-branch-schema.js';

const kept = (code: string, dutyDesk: string): Branch => ({
  code,
  name: `Branch ${code}`,
  updatedAt: '2026-11-23T01:00:00.000Z',
  contacts: {
    dutyDesk,
    branchHead: 'head@bank.example',
    operationsSupervisor: 'ops@bank.example',
    deputyPresident: 'deputy@bank.example',
    president: 'president@bank.example',
  },
});

describe('the desk that answers first', () => {
  it('is the consumer-protection desk without a branch or for a branch nobody knows', () => {
    expect(firstResponderDesk(sampleRoutingRules, undefined).id).toBe('desk:consumer-protection');
    expect(firstResponderDesk(sampleRoutingRules, 'XX-999').id).toBe('desk:consumer-protection');
  });

  it("takes the address the admin keeps, and the configured desk's id, names and phone", () => {
    const desk = firstResponderDesk(sampleRoutingRules, 'BJ-001', kept('BJ-001', 'new.duty@bank.example'));
    expect(desk).toEqual({
      id: 'desk:BJ-001',
      name: { 'zh-CN': '北京分行营业部', en: 'Beijing Main Branch' },
      email: 'new.duty@bank.example',
      phone: '010-6600-0001',
    });
  });

  it('knows a branch only the admin added, under the name the admin gave', () => {
    expect(
      firstResponderDesk(sampleRoutingRules, 'HZ-010', kept('HZ-010', 'duty.hz010@bank.example')),
    ).toEqual({
      id: 'desk:HZ-010',
      name: { 'zh-CN': 'Branch HZ-010', en: 'Branch HZ-010' },
      email: 'duty.hz010@bank.example',
    });
  });

  it("ignores a kept branch that is not the complaint's", () => {
    const desk = firstResponderDesk(sampleRoutingRules, 'SH-002', kept('BJ-001', 'new.duty@bank.example'));
    expect(desk.email).toBe('duty.sh002@bank.example');
  });
});

describe('a configured desk by id', () => {
  it('finds the consumer-protection desk and every branch desk, and nothing else', () => {
    expect(configuredDeskEmail(sampleRoutingRules, 'desk:consumer-protection')).toBe(
      'consumer-protection@bank.example',
    );
    expect(configuredDeskEmail(sampleRoutingRules, 'desk:GZ-003')).toBe('duty.gz003@bank.example');
    expect(configuredDeskEmail(sampleRoutingRules, 'handler-GZ-003')).toBeUndefined();
  });
});
