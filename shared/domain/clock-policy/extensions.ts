import type { ClockExtension } from '../case/case-types.js';
import type { ClockPolicy, ExtensionStep } from './clock-policy-types.js';

/**
 * How many extension steps are in force: steps count in order (1, then 2, ...), a step that
 * needs approval counts only once `approvedBy` is recorded, and nothing beyond the policy's
 * steps counts. An unapproved or out-of-order extension therefore leaves the clock unchanged.
 */
export const extensionStepsInForce = (policy: ClockPolicy, extensions: readonly ClockExtension[]): number => {
  let inForce = 0;
  for (const step of policy.extensions) {
    const taken = extensions.some(
      (extension) =>
        extension.step === step.step && (!step.requiresApproval || Boolean(extension.approvedBy)),
    );
    if (!taken) break;
    inForce = step.step;
  }
  return inForce;
};

/** The first step that needs an approver, if any. */
export const approvalRequiredFromStep = (policy: ClockPolicy): number | undefined =>
  policy.extensions.find((step) => step.requiresApproval)?.step;

export type ExtensionCheck =
  | { ok: true; step: ExtensionStep }
  | { ok: false; reason: 'no_extensions' | 'max_reached' | 'wrong_step' | 'approval_required' };

/** Whether a requested extension may be recorded now; the lifecycle asks before storing one. */
export const checkExtensionRequest = (
  policy: ClockPolicy,
  existing: readonly ClockExtension[],
  request: Pick<ClockExtension, 'step' | 'approvedBy'>,
): ExtensionCheck => {
  if (policy.extensions.length === 0) return { ok: false, reason: 'no_extensions' };
  const next = extensionStepsInForce(policy, existing) + 1;
  const step = policy.extensions[next - 1];
  if (!step) return { ok: false, reason: 'max_reached' };
  if (request.step !== next) return { ok: false, reason: 'wrong_step' };
  if (step.requiresApproval && !request.approvedBy) return { ok: false, reason: 'approval_required' };
  return { ok: true, step };
};
