import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { CaseCommand } from '../../shared/domain/case/case-commands.js';
import {
  CaseRuleError,
  ExtensionApprovalError,
  IllegalTransitionError,
} from '../../shared/domain/case/case-errors.js';
import { type CaseStore, StaleCaseVersionError } from '../../shared/domain/case/case-store.js';
import type { Actor, ComplaintCase } from '../../shared/domain/case/case-types.js';
import { signedInStaff } from '../../shared/domain/case/extension-approval.js';
import type { EscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import type { BranchDirectory } from '../../shared/domain/staff/staff-ports.js';
import {
  actingRole,
  type BranchNode,
  canReadCase,
  decideAction,
} from '../../shared/domain/staff/staff-scope.js';
import type { StaffMember } from '../../shared/domain/staff/staff-types.js';
import { jsonResult } from '../../shared/http/api-response.js';
import { HttpProblem, notFound } from '../../shared/http/http-problem.js';
import { readJsonBody } from '../../shared/http/json-request.js';
import { type CaseAction, caseActionSchema } from '../../shared/schemas/staff-action-schema.js';
import {
  forbidden,
  parseOrReject,
  referencePathParameter,
  requireStaff,
  staffCaseView,
} from '../../shared/schemas/staff-request.js';

export type ApplyCaseAction = (
  reference: string,
  command: CaseCommand,
  actor: Actor,
  expectedVersion?: number,
) => Promise<ComplaintCase | undefined>;

export interface CaseActionHandlerDependencies {
  store: CaseStore;
  branches: BranchDirectory;
  ladder: EscalationLadder;
  apply: ApplyCaseAction;
  /** The console's app client id: staff tokens issued to anything else are refused. */
  staffAudience: string;
}

const staffActor = (staff: StaffMember): Actor => {
  const role = actingRole(staff);
  return { id: staff.id, kind: 'staff', ...(role === undefined ? {} : { role }) };
};

/** The domain command, and who the ledger records as doing it: always the signed-in person. */
const toCommand = (
  action: CaseAction,
  staff: StaffMember,
  branches: readonly BranchNode[],
): { command: CaseCommand; actor: Actor } => {
  const actor = staffActor(staff);
  switch (action.type) {
    case 'acknowledge':
      return { actor, command: { type: 'acknowledge', ...(action.via ? { via: action.via } : {}) } };
    case 'start_work':
      return { actor, command: { type: 'start_work' } };
    case 'assign':
      return { actor, command: { type: 'assign', to: action.to } };
    case 'transfer':
      return {
        actor,
        command: {
          type: 'transfer',
          note: action.note,
          ...(branches.some((branch) => branch.code === action.to)
            ? { toBranch: action.to }
            : { toUnit: action.to }),
          ...(action.handler ? { toHandler: action.handler } : {}),
        },
      };
    case 'note':
      return { actor, command: { type: 'note', text: action.text } };
    case 'request_info':
      return { actor, command: { type: 'request_info', text: action.text } };
    case 'pause':
      return { actor, command: { type: 'pause', reason: action.reason } };
    case 'resume':
      return { actor, command: { type: 'resume' } };
    case 'extend':
      // Whether this step needs approval, and whether this person may give it, is the lifecycle's
      // rule (extendClock): the command carries who is signed in, with their roles and reach.
      return {
        actor,
        command: { type: 'extend', reason: action.reason, signedIn: signedInStaff(staff, branches) },
      };
    case 'escalate':
      return { actor, command: { type: 'escalate', level: action.level, reason: action.reason } };
    case 'resolve':
      return {
        actor,
        command: {
          type: 'resolve',
          decision: action.decision,
          atFault: action.atFault,
          ...(action.remedy ? { remedy: action.remedy } : {}),
          ...(action.compensation ? { compensation: action.compensation } : {}),
          ...(action.letter ? { letter: action.letter } : {}),
        },
      };
    case 'reopen':
      return {
        actor,
        command: {
          type: 'reopen',
          reason: action.reason,
          leader: action.leader ?? staff.id,
          ...(action.respondBy ? { respondBy: new Date(action.respondBy).toISOString() } : {}),
        },
      };
    case 'merge':
      return { actor, command: { type: 'merge', into: action.into } };
    case 'withdraw':
      return { actor, command: { type: 'withdraw', ...(action.reason ? { reason: action.reason } : {}) } };
    case 'request_review':
      return { actor, command: { type: 'request_review', reason: action.reason } };
    case 'decide_review': {
      const { decision, atFault } = action;
      if (action.outcome === 'confirmed' || decision === undefined || atFault === undefined) {
        return { actor, command: { type: 'decide_review', outcome: 'confirmed', note: action.letter } };
      }
      return {
        actor,
        command: {
          type: 'decide_review',
          outcome: 'revised',
          note: action.letter,
          revised: {
            decision,
            atFault,
            letter: action.letter,
            ...(action.remedy ? { remedy: action.remedy } : {}),
            ...(action.compensation ? { compensation: action.compensation } : {}),
          },
        },
      };
    }
    case 'close':
      return { actor, command: { type: 'close', ...(action.note ? { note: action.note } : {}) } };
  }
};

const conflict = (code: string, message: string) => new HttpProblem(409, code, message);

/**
 * POST /api/cases/{reference}/actions: checks scope and role, then applies the lifecycle
 * command through the shared case action (conditional save, SLA watch, customer notice).
 * A move the lifecycle refuses and a stale version both answer 409 with the reason; an approval
 * the signed-in person may not give answers 403 with the reason.
 */
export const createCaseAction = (deps: CaseActionHandlerDependencies) => {
  return async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const staff = requireStaff(event, deps.staffAudience);
    const reference = referencePathParameter(event);
    const action = parseOrReject(caseActionSchema, readJsonBody(event));
    // The same reads whether the case exists or not, so a missing case and one outside the
    // caller's scope answer alike, in the same time: references cannot be probed by timing.
    const [c, branches] = await Promise.all([deps.store.get(reference), deps.branches.list()]);
    const scope = { branches, ladder: deps.ladder };
    // Scope only: who may approve an extension is decided by the lifecycle on the case it writes.
    const verdict = c === undefined ? undefined : decideAction(staff, c, action.type, scope);
    if (c === undefined || verdict === undefined) throw notFound(`No case ${reference}`);
    if (!verdict.allowed) {
      throw verdict.status === 'not_found' ? notFound(`No case ${reference}`) : forbidden(verdict.reason);
    }
    if (action.type === 'merge') {
      const target = action.into === reference ? c : await deps.store.get(action.into);
      if (target === undefined || !canReadCase(staff, target, scope)) {
        throw conflict('merge_target_missing', `there is no case ${action.into} to merge into`);
      }
    }
    const { command, actor } = toCommand(action, staff, branches);
    try {
      const updated = await deps.apply(reference, command, actor, action.expectedVersion);
      if (updated === undefined) throw notFound(`No case ${reference}`);
      return jsonResult(200, { case: staffCaseView(updated) });
    } catch (error) {
      if (error instanceof ExtensionApprovalError) throw new HttpProblem(403, error.code, error.message);
      if (error instanceof IllegalTransitionError) throw conflict(error.code, error.message);
      if (error instanceof CaseRuleError) throw conflict(error.code, error.message);
      if (error instanceof StaleCaseVersionError) {
        throw conflict('stale_version', 'The case changed since you loaded it; reload it and try again.');
      }
      throw error;
    }
  };
};
