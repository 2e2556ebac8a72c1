import { z } from 'zod';

/**
 * Where staff notices go when the branches the admin keeps through the staff API do not say:
 * named staff by id, and for each branch the people on its escalation ladder (网点负责人, 营运主管,
 * 分管行长, 行长). Head-office contacts stand in for a branch that names nobody for a rung. Desks
 * come from the routing rules and the kept branches. Data, so a bank maintains it without a release.
 */
const ladderContactsSchema = z.record(z.string(), z.email());

export const staffDirectorySchema = z.strictObject({
  staff: z.record(z.string(), z.strictObject({ name: z.string().min(1), email: z.email() })),
  branches: z.record(z.string(), z.strictObject({ ladder: ladderContactsSchema })),
  headOffice: z.strictObject({ ladder: ladderContactsSchema }),
});

export type StaffDirectory = z.infer<typeof staffDirectorySchema>;

export const sampleStaffDirectory: StaffDirectory = {
  // Desks come from the routing rules and the branches the admin keeps; no named staff in the sample.
  staff: {},
  branches: {
    'BJ-001': {
      ladder: {
        branch_head: 'head.bj001@bank.example',
        operations_supervisor: 'ops.bj001@bank.example',
      },
    },
    'SH-002': {
      ladder: {
        branch_head: 'head.sh002@bank.example',
        operations_supervisor: 'ops.sh002@bank.example',
      },
    },
    'GZ-003': {
      ladder: {
        branch_head: 'head.gz003@bank.example',
        operations_supervisor: 'ops.gz003@bank.example',
      },
    },
  },
  headOffice: {
    ladder: {
      branch_head: 'consumer-protection@bank.example',
      operations_supervisor: 'operations@bank.example',
      deputy_president: 'deputy.president@bank.example',
      president: 'president@bank.example',
    },
  },
};

/** E-mail for a staff id or desk, if the directory knows it. */
export const staffEmail = (directory: StaffDirectory, staffId: string): string | undefined =>
  directory.staff[staffId]?.email;

/** E-mail for a ladder role at the case's branch, falling back to head office. */
export const ladderEmail = (
  directory: StaffDirectory,
  branchCode: string | undefined,
  role: string,
): string | undefined =>
  (branchCode === undefined ? undefined : directory.branches[branchCode]?.ladder[role]) ??
  directory.headOffice.ladder[role];
