/**
 * The one route table. The CDK API construct creates a resource, method and Lambda per entry;
 * the local server dispatches the same paths to the same handler factories. Nothing about the
 * HTTP surface is written anywhere else.
 */

export const apiFunctionNames = [
  'submit-complaint',
  'complaint-status',
  'list-cases',
  'get-case',
  'register-case',
  'case-action',
  'branches',
] as const;
export type ApiFunctionName = (typeof apiFunctionNames)[number];

export interface ApiFunctionSpec {
  /** Lambda entry point, relative to the repository root. */
  entry: string;
  description: string;
  memorySize: number;
  timeoutSeconds: number;
  /** What the function may do with the case table. */
  caseAccess: 'read' | 'read-write';
  sendsToIntakeQueue: boolean;
  usesIdempotencyTable: boolean;
  /** Sends customer notices through SES (from the sender address). */
  sendsMail?: boolean;
  /** Starts SLA watch executions on the state machine. */
  startsSlaWatch?: boolean;
}

export const apiFunctions: Record<ApiFunctionName, ApiFunctionSpec> = {
  'submit-complaint': {
    entry: 'functions/submit-complaint/handler.ts',
    description: 'Public complaint intake: validate, store the received record, queue it',
    memorySize: 512,
    timeoutSeconds: 10,
    caseAccess: 'read-write',
    sendsToIntakeQueue: true,
    // Its idempotency claim is written with the case, in the case table.
    usesIdempotencyTable: false,
  },
  'complaint-status': {
    entry: 'functions/complaint-status/handler.ts',
    description: 'Customer status page data for a reference and tracking token',
    memorySize: 256,
    timeoutSeconds: 5,
    caseAccess: 'read',
    sendsToIntakeQueue: false,
    usesIdempotencyTable: false,
  },
  'list-cases': {
    entry: 'functions/list-cases/handler.ts',
    description: "Staff: cases in the caller's scope, filtered, a page at a time",
    memorySize: 512,
    timeoutSeconds: 15,
    caseAccess: 'read',
    sendsToIntakeQueue: false,
    usesIdempotencyTable: false,
  },
  'get-case': {
    entry: 'functions/get-case/handler.ts',
    description: 'Staff: one case with its whole timeline',
    memorySize: 256,
    timeoutSeconds: 5,
    caseAccess: 'read',
    sendsToIntakeQueue: false,
    usesIdempotencyTable: false,
  },
  'register-case': {
    entry: 'functions/register-case/handler.ts',
    description: 'Staff: register a complaint taken by hotline, counter, letter or transfer',
    memorySize: 512,
    timeoutSeconds: 10,
    caseAccess: 'read-write',
    sendsToIntakeQueue: true,
    usesIdempotencyTable: false,
  },
  'case-action': {
    entry: 'functions/case-action/handler.ts',
    description: "Staff: apply a lifecycle action to a case within the caller's scope",
    memorySize: 512,
    timeoutSeconds: 15,
    caseAccess: 'read-write',
    sendsToIntakeQueue: false,
    usesIdempotencyTable: false,
  },
  // Branch items live in the case table; only admins write them (checked in the handler), and
  // each write records its change there; the consumer-protection office reads the changes.
  branches: {
    entry: 'functions/branches/handler.ts',
    description: 'Staff: list branches; admins create or update them; the CPO reads their changes',
    memorySize: 256,
    timeoutSeconds: 5,
    caseAccess: 'read-write',
    sendsToIntakeQueue: false,
    usesIdempotencyTable: false,
  },
};

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path template: `{name}` is a path parameter. */
  path: string;
  function: ApiFunctionName;
  access: 'public' | 'staff';
}

export const apiRoutes: readonly ApiRoute[] = [
  { method: 'POST', path: '/api/complaints', function: 'submit-complaint', access: 'public' },
  { method: 'GET', path: '/api/complaints/{reference}', function: 'complaint-status', access: 'public' },
  { method: 'GET', path: '/api/cases', function: 'list-cases', access: 'staff' },
  { method: 'POST', path: '/api/cases', function: 'register-case', access: 'staff' },
  { method: 'GET', path: '/api/cases/{reference}', function: 'get-case', access: 'staff' },
  { method: 'POST', path: '/api/cases/{reference}/actions', function: 'case-action', access: 'staff' },
  { method: 'GET', path: '/api/branches', function: 'branches', access: 'staff' },
  { method: 'PUT', path: '/api/branches/{code}', function: 'branches', access: 'staff' },
  { method: 'GET', path: '/api/branches/{code}/changes', function: 'branches', access: 'staff' },
];

/** Matches a concrete path against a template, returning its path parameters. */
export const matchPath = (template: string, path: string): Record<string, string> | undefined => {
  const templateParts = template.split('/');
  const pathParts = path.split('/');
  if (templateParts.length !== pathParts.length) return undefined;
  const parameters: Record<string, string> = {};
  for (const [index, part] of templateParts.entries()) {
    const actual = pathParts[index] ?? '';
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name !== undefined) {
      if (actual === '') return undefined;
      try {
        parameters[name] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (part !== actual) return undefined;
  }
  return parameters;
};
