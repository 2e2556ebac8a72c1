/**
 * Bank staff as the API sees them after sign-in. Roles come from the identity provider's groups
 * (Cognito groups in AWS, the dev users locally); the branch scopes what a person may see.
 */
export const staffRoles = [
  'agent',
  'handler',
  'branch_head',
  'operations_supervisor',
  'deputy_president',
  'president',
  'consumer_protection_officer',
  'admin',
] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface StaffMember {
  /** Stable staff id; what cases record as first responder, handler, actor. */
  id: string;
  name: string;
  roles: StaffRole[];
  /** Home branch; branch-scoped roles see this branch and the branches below it. */
  branchCode?: string;
  email?: string;
}
