import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { z } from 'zod';
import type { IntakeQueue } from '../../shared/adapters/sqs/intake-queue.js';
import { type IntakeSettings, statusPath } from '../../shared/config/intake-settings.js';
import type { CaseStore } from '../../shared/domain/case/case-store.js';
import type { BranchDirectory } from '../../shared/domain/staff/staff-ports.js';
import { actingRole, canRegister } from '../../shared/domain/staff/staff-scope.js';
import type { StaffMember } from '../../shared/domain/staff/staff-types.js';
import type { Clock } from '../../shared/domain/time/clock.js';
import { jsonResult } from '../../shared/http/api-response.js';
import { HttpProblem } from '../../shared/http/http-problem.js';
import {
  acceptOnce,
  type IntakeAnswer,
  type IntakeClaimRequest,
} from '../../shared/http/intake-idempotency.js';
import { readJsonBody } from '../../shared/http/json-request.js';
import { acceptReceivedComplaint } from '../../shared/intake/accept-received-complaint.js';
import { logger } from '../../shared/observability/logger.js';
import type { ComplaintSubmission } from '../../shared/schemas/complaint-submission-schema.js';
import {
  staffCaseRegistrationSchemaAt,
  type staffIntakeFieldsSchema,
} from '../../shared/schemas/staff-case-schema.js';
import { forbidden, parseOrReject, requireStaff } from '../../shared/schemas/staff-request.js';

export interface RegisterCaseDependencies {
  store: CaseStore;
  queue: IntakeQueue;
  clock: Clock;
  settings: IntakeSettings;
  branches: BranchDirectory;
  /** The console's app client id: staff tokens issued to anything else are refused. */
  staffAudience: string;
}

interface StaffIntake {
  submission: ComplaintSubmission;
  fields: z.infer<typeof staffIntakeFieldsSchema>;
}

/** The public complaint fields check exactly as on the public form (one schema); the staff fields too. */
const validate = (raw: unknown, now: Date): StaffIntake => {
  const { channel, receivedAt, externalReference, ...submission } = parseOrReject(
    staffCaseRegistrationSchemaAt(now),
    raw,
  );
  return {
    submission,
    fields: {
      channel,
      ...(receivedAt === undefined ? {} : { receivedAt }),
      ...(externalReference === undefined ? {} : { externalReference }),
    },
  };
};

/**
 * POST /api/cases: a complaint taken down by staff. It goes the same way as a public one (the
 * received record, then the queue, then the intake worker registers and acknowledges it), with
 * the date it first reached the bank and the staff member who took it, who becomes first responder.
 */
export const createRegisterCase = (deps: RegisterCaseDependencies) => {
  const branchFor = async (staff: StaffMember, submission: ComplaintSubmission) => {
    const known = new Set((await deps.branches.list()).map((branch) => branch.code));
    if (submission.branchCode !== undefined) {
      if (!known.has(submission.branchCode)) {
        throw new HttpProblem(400, 'validation_failed', 'Some fields need attention.', [
          { path: 'branchCode', message: 'is not a branch of the bank' },
        ]);
      }
      return submission.branchCode;
    }
    // Taken down at a counter or on a branch's line: the case belongs to that branch.
    return staff.branchCode !== undefined && known.has(staff.branchCode) ? staff.branchCode : undefined;
  };

  return async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const staff = requireStaff(event, deps.staffAudience);
    if (!canRegister(staff)) throw forbidden('Your role does not include registering complaints.');
    const now = deps.clock.now();
    const rawBody = readJsonBody(event);
    const { submission, fields } = validate(rawBody, now);
    const branchCode = await branchFor(staff, submission);
    const actor = { id: staff.id, kind: 'staff' as const, ...roleOf(staff) };
    const raw = rawBody;
    const accept = async (claim?: IntakeClaimRequest): Promise<IntakeAnswer> => {
      const answer = await acceptReceivedComplaint(deps, {
        submission: { ...submission, ...(branchCode ? { branchCode } : {}) },
        channel: fields.channel,
        ...(fields.receivedAt ? { receivedAt: new Date(fields.receivedAt) } : {}),
        ...(claim ? { claim } : {}),
        complete: (received) => ({
          case: {
            ...received.case,
            takenBy: staff.id,
            ...(fields.externalReference ? { externalReference: fields.externalReference } : {}),
          },
          // The ledger names who took it down, not the customer, as the one who put it on record.
          events: received.events.map((item) => ({
            ...item,
            actor,
            data: {
              ...item.data,
              takenBy: staff.id,
              ...(fields.externalReference ? { externalReference: fields.externalReference } : {}),
            },
          })),
        }),
      });
      logger.info('staff complaint received', { reference: answer.reference, channel: fields.channel });
      return answer;
    };
    // A double click or a retried request at the counter must not register the complaint twice.
    const answer = await acceptOnce({
      event,
      raw,
      scope: `register-case:${staff.id}`,
      store: deps.store,
      now,
      accept,
    });
    const stored = await deps.store.get(answer.reference);
    return jsonResult(202, {
      reference: answer.reference,
      status: 'received',
      firstResponder: staff.id,
      receivedAt: stored?.receivedAt ?? now.toISOString(),
      trackingToken: answer.token,
      statusUrl: statusPath(answer.reference, answer.token),
    });
  };
};

const roleOf = (staff: StaffMember): { role?: string } => {
  const role = actingRole(staff);
  return role === undefined ? {} : { role };
};
