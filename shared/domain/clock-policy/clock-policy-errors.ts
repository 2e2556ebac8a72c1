export class ClockPolicyError extends Error {
  override readonly name: string = 'ClockPolicyError';
}

export class UnknownClockPolicyError extends ClockPolicyError {
  override readonly name = 'UnknownClockPolicyError';
  constructor(readonly policyId: string) {
    super(`Unknown clock policy: ${policyId}`);
  }
}

export class DuplicateClockPolicyError extends ClockPolicyError {
  override readonly name = 'DuplicateClockPolicyError';
  constructor(readonly policyId: string) {
    super(`A clock policy with id ${policyId} is already registered`);
  }
}

export interface ClockPolicyIssue {
  path: string;
  message: string;
}

export class InvalidClockPolicyError extends ClockPolicyError {
  override readonly name = 'InvalidClockPolicyError';
  constructor(readonly issues: readonly ClockPolicyIssue[]) {
    super(
      `Invalid clock policy: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`,
    );
  }
}
