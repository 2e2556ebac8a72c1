import { describe, expect, it } from 'vitest';
import { sampleRoutingRules } from '../../shared/config/routing-rules.js';
import { LOCAL_STAFF_AUDIENCE } from '../../shared/config/staff-audience.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { registrationPlan } from '../../shared/domain/intake/registration-plan.js';
import { branchesUnder, canReadCase, decideAction } from '../../shared/domain/staff/staff-scope.js';
import type { StaffMember } from '../../shared/domain/staff/staff-types.js';
import { staffFromAuthorizer } from '../../shared/schemas/staff-claims-schema.js';
import { buildCase } from '../support/case-factory.js';

const branches = [{ code: 'BJ-001' }, { code: 'BJ-011', parent: 'BJ-001' }, { code: 'SH-002' }];
const scope = { branches, ladder: defaultEscalationLadder };
const staff = (id: string, roles: StaffMember['roles'], branchCode?: string): StaffMember => ({
  id,
  name: id,
  roles,
  ...(branchCode ? { branchCode } : {}),
});

describe('who sees a case', () => {
  const chaoyang = buildCase({ branchCode: 'BJ-011', firstResponder: 'agent-x', escalationLevel: 0 });
  delete chaoyang.handler;

  it('gives a branch head the branches below theirs, a handler only their own branch', () => {
    expect(canReadCase(staff('h', ['branch_head'], 'BJ-001'), chaoyang, scope)).toBe(true);
    expect(canReadCase(staff('h', ['handler'], 'BJ-001'), chaoyang, scope)).toBe(false);
    expect(canReadCase(staff('h', ['handler'], 'BJ-011'), chaoyang, scope)).toBe(true);
  });

  it('keeps the first responder in after the case moved away', () => {
    const moved = { ...chaoyang, branchCode: 'SH-002' };
    expect(canReadCase(staff('agent-x', ['agent'], 'BJ-011'), moved, scope)).toBe(true);
    expect(canReadCase(staff('agent-y', ['agent'], 'SH-002'), moved, scope)).toBe(false);
  });

  it('shows leaders what reached their rung and keeps the admin out of complaints', () => {
    const president = staff('p', ['president']);
    expect(canReadCase(president, { ...chaoyang, escalationLevel: 3 }, scope)).toBe(false);
    expect(canReadCase(president, { ...chaoyang, escalationLevel: 4 }, scope)).toBe(true);
    expect(canReadCase(staff('a', ['admin']), chaoyang, scope)).toBe(false);
  });

  it('does not loop on a cycle in the branch tree', () => {
    const cyclic = [
      { code: 'A', parent: 'B' },
      { code: 'B', parent: 'A' },
    ];
    expect([...branchesUnder('A', cyclic)].sort()).toEqual(['A', 'B']);
  });
});

describe('what staff may do', () => {
  const c = buildCase({ branchCode: 'BJ-001', firstResponder: 'agent-x' });
  it('reports a case out of scope as not found', () => {
    expect(decideAction(staff('h', ['handler'], 'SH-002'), c, 'note', scope)).toMatchObject({
      status: 'not_found',
    });
  });
});

describe('identity from the Cognito authorizer', () => {
  it('reads groups given as a string or as an array and ignores unknown groups', () => {
    const fromString = staffFromAuthorizer(
      {
        claims: {
          sub: 's-1',
          'cognito:username': 'wang',
          'cognito:groups': 'handler,reporting',
          'custom:branch': 'BJ-001',
          token_use: 'id',
          aud: LOCAL_STAFF_AUDIENCE,
        },
      },
      LOCAL_STAFF_AUDIENCE,
    );
    expect(fromString).toEqual({ id: 'wang', name: 'wang', roles: ['handler'], branchCode: 'BJ-001' });
    const fromArray = staffFromAuthorizer(
      {
        claims: {
          sub: 's-2',
          'cognito:groups': ['agent', 'branch_head'],
          token_use: 'id',
          aud: LOCAL_STAFF_AUDIENCE,
        },
      },
      LOCAL_STAFF_AUDIENCE,
    );
    expect(fromArray?.roles).toEqual(['agent', 'branch_head']);
    expect(staffFromAuthorizer(null, LOCAL_STAFF_AUDIENCE)).toBeUndefined();
  });

  it('refuses anything but an ID token issued to the staff console', () => {
    const claims = { sub: 's-3', 'cognito:groups': 'admin', token_use: 'id', aud: 'console-client' };
    expect(staffFromAuthorizer({ claims }, 'console-client')?.roles).toEqual(['admin']);
    // Another app client of the same user pool.
    expect(
      staffFromAuthorizer({ claims: { ...claims, aud: 'other-client' } }, 'console-client'),
    ).toBeUndefined();
    // An access token: no aud, token_use access.
    const { aud: _aud, ...access } = claims;
    expect(
      staffFromAuthorizer(
        { claims: { ...access, token_use: 'access', client_id: 'console-client' } },
        'console-client',
      ),
    ).toBeUndefined();
    expect(
      staffFromAuthorizer({ claims: { ...claims, token_use: 'access' } }, 'console-client'),
    ).toBeUndefined();
    // A token that says nothing of its use or audience.
    expect(
      staffFromAuthorizer({ claims: { sub: 's-3', 'cognito:groups': 'admin' } }, 'console-client'),
    ).toBeUndefined();
  });
});

describe('registration of a staff-taken complaint', () => {
  it('makes the person who took it first responder, the duty desk otherwise', () => {
    const received = buildCase({ status: 'received', branchCode: 'BJ-001' });
    const context = { routing: sampleRoutingRules, repeatComplainant: false };
    expect(registrationPlan({ ...received, takenBy: 'handler-BJ-001' }, context).firstResponder).toBe(
      'handler-BJ-001',
    );
    const { takenBy: _none, ...untaken } = received;
    expect(registrationPlan(untaken, context).firstResponder).toBe('desk:BJ-001');
  });
});
