import { z } from 'zod';

/**
 * Where staff notices go: named staff and desks by id, and for each branch the people on its
 * escalation ladder (网点负责人, 营运主管, 分管行长, 行长). Head-office contacts stand in for a
 * branch that names nobody for a rung. Data, so a bank maintains it without a release; the
 * staff API will keep it in the table.
 */
const ladderContactsSchema = z.record(z.string(), z.email());

export const staffDirectorySchema = z.strictObject({
  staff: z.record(z.string(), z.strictObject({ name: z.string().min(1), email: z.email() })),
  branches: z.record(z.string(), z.strictObject({ ladder: ladderContactsSchema })),
  headOffice: z.strictObject({ ladder: ladderContactsSchema }),
});

export type StaffDirectory = z.infer<typeof staffDirectorySchema>;

export const sampleStaffDirectory: StaffDirectory = {
  staff: {
    'desk:consumer-protection': { name: '消费者权益保护部', email: 'consumer-protection@bank.example' },
    'desk:BJ-001': { name: '北京分行营业部值班台', email: 'duty.bj001@bank.example' },
    'desk:SH-002': { name: '上海浦东支行值班台', email: 'duty.sh002@bank.example' },
    'desk:GZ-003': { name: '广州天河支行值班台', email: 'duty.gz003@bank.example' },
  },
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
