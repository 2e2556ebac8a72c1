import { describe, expect, it } from 'vitest';
import { branchLadderContact } from '../../shared/domain/staff/branch-contacts.js';
import type { Branch } from '../../shared/schemas/staff-branch-schema.js';

const branch: Branch = {
  code: 'HZ-010',
  name: 'Hangzhou Xihu sub-branch',
  parent: 'HZ-001',
  updatedAt: '2026-11-23T01:00:00.000Z',
  contacts: {
    dutyDesk: 'duty.hz010@bank.example',
    branchHead: 'head.hz010@bank.example',
    operationsSupervisor: 'ops.hz010@bank.example',
    deputyPresident: 'deputy.hz@bank.example',
    president: 'president.hz@bank.example',
  },
};

describe('the branch contact for a rung of the ladder', () => {
  it('is the address the admin keeps for each default rung', () => {
    expect(
      ['branch_head', 'operations_supervisor', 'deputy_president', 'president'].map((role) =>
        branchLadderContact(branch, role),
      ),
    ).toEqual([
      'head.hz010@bank.example',
      'ops.hz010@bank.example',
      'deputy.hz@bank.example',
      'president.hz@bank.example',
    ]);
  });

  it('is unknown for a rung the bank added, a case role, or an unregistered branch', () => {
    expect(branchLadderContact(branch, 'chief_risk_officer')).toBeUndefined();
    expect(branchLadderContact(branch, 'toString')).toBeUndefined();
    expect(branchLadderContact(undefined, 'branch_head')).toBeUndefined();
  });
});
