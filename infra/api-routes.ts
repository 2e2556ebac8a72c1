/**
 * The one route table. The CDK API construct creates a resource, method and Lambda per entry;
 * the local server dispatches the same paths to the same handler factories. Nothing about the
 * HTTP surface is written anywhere else.
 */

export const apiFunctionNames = ['submit-complaint', 'complaint-status'] as const;
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
