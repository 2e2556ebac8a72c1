import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiHandlers } from '../../functions/app/api-handlers.js';
import { type ApiRoute, apiRoutes } from '../../infra/api-routes.js';
import { createApiDispatcher } from '../../infra/local/api-gateway-adapter.js';
import { devUsers } from '../../infra/local/dev-staff.js';
import { type DevTokenClaims, DevTokenIssuer } from '../../infra/local/dev-tokens.js';
import type { LocalResponse } from '../../infra/local/http-server.js';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import { tokenSealerFromKey } from '../../shared/adapters/secrets/token-sealer.js';
import { validSubmission } from '../support/intake-fixtures.js';
import {
  appOnRuntime,
  type RuntimeFixture,
  request,
  startRuntimeAt,
} from '../support/local-runtime-fixture.js';

/**
 * Every staff route of the route table, called as an attacker would: without a token, with a
 * malformed, unsigned (alg none), foreign-key, expired or edited one, with an ID token of another
 * app client, with an access token, and as a signed-in person of another branch. Each answer is a
 * 401, 403 or 404 in the JSON error shape: never a 2xx, never a 5xx.
 *
 * The local runtime holds the data (DynamoDB Local, SQS, the seeded branches, a Beijing case);
 * the requests go through the same in-process dispatcher the runtime serves /api/* with, over the
 * same handler factories, with a token issuer this test holds the key of, so it can sign exactly
 * the tokens an attacker could not (expired, wrong audience, access token).
 */

/** Monday 23 November 2026, 10:00 in Beijing. */
const START = new Date('2026-11-23T02:00:00.000Z');

let fixture: RuntimeFixture;
let runtime: LocalRuntime;
let dispatch: ReturnType<typeof createApiDispatcher>;
let closeApp: () => void = () => {};
const tokens = new DevTokenIssuer();
const users = devUsers(['BJ-001', 'SH-002']);
let beijingReference: string;

const claimsOf = (user: string): DevTokenClaims => {
  const claims = users[user];
  if (claims === undefined) throw new Error(`no dev user ${user}`);
  return claims;
};

const complaint = (branchCode: string) => ({
  ...validSubmission({ branchCode, customer: { name: '赵敏', phone: '+86 137 0000 0000' } }),
  channel: 'letter',
});

const branchBody = {
  name: 'Beijing Chaoyang Branch',
  contacts: {
    dutyDesk: 'desk@bank.example',
    branchHead: 'head@bank.example',
    operationsSupervisor: 'ops@bank.example',
    deputyPresident: 'deputy@bank.example',
    president: 'president@bank.example',
  },
};

/**
 * What each staff route is called with: who may use it on the Beijing data (the positive control),
 * who of another branch may not, and a body that would succeed for the first. A staff route
 * missing here fails the suite until someone says how to probe it.
 */
interface Probe {
  allowed: string;
  outsider: string;
  path: (reference: string) => string;
  body?: unknown;
  /** For a list: the outsider's 2xx is a denial when it does not hold the Beijing case. */
  outsiderSeesBeijing?: (answer: LocalResponse, reference: string) => boolean;
}

const probes: Record<string, Probe> = {
  'GET /api/cases': {
    allowed: 'head-BJ-001',
    outsider: 'handler-SH-002',
    path: () => '/api/cases?limit=100',
    outsiderSeesBeijing: (answer, reference) => answer.body.includes(reference),
  },
  'POST /api/cases': {
    allowed: 'agent-BJ-001',
    // Registering for any branch is every case worker's right (transfers); the admin works no cases.
    outsider: 'admin',
    path: () => '/api/cases',
    body: complaint('BJ-001'),
  },
  'GET /api/cases/{reference}': {
    allowed: 'head-BJ-001',
    outsider: 'handler-SH-002',
    path: (reference) => `/api/cases/${reference}`,
  },
  'POST /api/cases/{reference}/actions': {
    allowed: 'head-BJ-001',
    outsider: 'head-SH-002',
    path: (reference) => `/api/cases/${reference}/actions`,
    body: { type: 'note', text: 'Checked.' },
  },
  'GET /api/branches': {
    allowed: 'cpo',
    // Branch names are for everyone signed in; the outsider here is no one at all.
    outsider: 'nobody',
    path: () => '/api/branches',
  },
  'PUT /api/branches/{code}': {
    allowed: 'admin',
    outsider: 'head-BJ-001',
    path: () => '/api/branches/BJ-001',
    body: branchBody,
  },
  'GET /api/branches/{code}/changes': {
    allowed: 'cpo',
    outsider: 'handler-SH-002',
    path: () => '/api/branches/BJ-001/changes',
  },
};

const staffRoutes = apiRoutes.filter((route) => route.access === 'staff');
const routeName = (route: ApiRoute) => `${route.method} ${route.path}`;

const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const payloadOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));

/** The attacks: each the Authorization header (or none) built from the allowed person's claims. */
const attacks: Record<string, (claims: DevTokenClaims) => string | undefined> = {
  'no token': () => undefined,
  'a malformed token': () => 'Bearer not.a-token',
  'a token that is not a bearer token': (claims) => `Basic ${tokens.issue(claims)}`,
  'alg none': (claims) => {
    const payload = payloadOf(tokens.issue(claims));
    return `Bearer ${segment({ alg: 'none', typ: 'JWT' })}.${segment(payload)}.`;
  },
  'a token signed with another key': (claims) => `Bearer ${new DevTokenIssuer().issue(claims)}`,
  'an expired token': (claims) => `Bearer ${tokens.issue(claims, new Date(Date.now() - 13 * 3600_000))}`,
  'edited claims with the signature kept': (claims) => {
    // A handler of another branch makes themselves the allowed person, keeping their signature.
    const [head = '', payload = '', signature = ''] = tokens.issue(claimsOf('handler-SH-002')).split('.');
    const edited = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), ...claims };
    return `Bearer ${head}.${segment(edited)}.${signature}`;
  },
  'an ID token of another app client': (claims) =>
    `Bearer ${tokens.issue({ ...claims, aud: 'other-client' })}`,
  'an access token': (claims) => `Bearer ${tokens.issue({ ...claims, token_use: 'access' })}`,
  'an access token without aud': (claims) =>
    `Bearer ${tokens.issue({ ...claims, token_use: 'access', aud: undefined })}`,
  'a token without token_use': (claims) => `Bearer ${tokens.issue({ ...claims, token_use: undefined })}`,
};

const send = async (route: ApiRoute, probe: Probe, authorization: string | undefined) => {
  const url = new URL(probe.path(beijingReference), 'http://local');
  const answer = await dispatch({
    method: route.method,
    path: url.pathname,
    query: url.searchParams,
    headers: {
      ...(authorization === undefined ? {} : { authorization }),
      ...(probe.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: probe.body === undefined ? '' : JSON.stringify(probe.body),
  });
  if (answer === undefined) throw new Error(`${routeName(route)} was not dispatched`);
  return answer;
};

const errorShape = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** A refusal: 401, 403 or 404, JSON, in the error shape. */
const expectRefused = (answer: LocalResponse, what: string) => {
  expect([401, 403, 404], `${what}: ${answer.status} ${answer.body}`).toContain(answer.status);
  expect(answer.headers?.['content-type'], what).toMatch(/^application\/json/);
  expect(errorShape.safeParse(JSON.parse(answer.body)).success, `${what}: ${answer.body}`).toBe(true);
};

beforeAll(async () => {
  fixture = await startRuntimeAt(START);
  runtime = fixture.runtime;
  // The same composition root the runtime uses, on the runtime's stand-ins and data.
  const app = appOnRuntime(runtime, {
    sealer: tokenSealerFromKey(randomBytes(32).toString('base64url')),
    watcher: { start: async () => {} },
  });
  closeApp = () => app.close();
  dispatch = createApiDispatcher(apiHandlers(app), tokens);
  // A Beijing case, taken down by the Beijing agent through the runtime's own API.
  const taken = await request(`${runtime.url}/api/cases`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${runtime.tokenFor('agent-BJ-001')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(complaint('BJ-001')),
  });
  if (taken.status !== 202) throw new Error(`registration answered ${taken.status}: ${taken.text}`);
  await runtime.settle();
  beijingReference = z.object({ reference: z.string() }).parse(taken.json).reference;
});

afterAll(async () => {
  closeApp();
  await fixture?.dispose();
});

describe('every staff route refuses what it must', () => {
  it('has a probe for every staff route in the route table', () => {
    expect(staffRoutes.map(routeName).sort()).toEqual(Object.keys(probes).sort());
  });

  // Runs first: proves the probes reach the handlers, so a refusal below is the token's doing.
  it('lets the allowed person through with a valid ID token (the control)', async () => {
    for (const route of staffRoutes) {
      const probe = probes[routeName(route)];
      if (probe === undefined) continue;
      const answer = await send(route, probe, `Bearer ${tokens.issue(claimsOf(probe.allowed))}`);
      expect(answer.status, `${routeName(route)} as ${probe.allowed}: ${answer.body}`).toBeGreaterThanOrEqual(
        200,
      );
      expect(answer.status, `${routeName(route)} as ${probe.allowed}: ${answer.body}`).toBeLessThan(300);
    }
  });

  for (const [attack, header] of Object.entries(attacks)) {
    it(`answers 401/403/404 JSON to ${attack}`, async () => {
      for (const route of staffRoutes) {
        const probe = probes[routeName(route)];
        if (probe === undefined) continue;
        const answer = await send(route, probe, header(claimsOf(probe.allowed)));
        expectRefused(answer, `${routeName(route)} with ${attack}`);
      }
    });
  }

  it('answers 401 to the claims of a token that is not an ID token for the console', async () => {
    const route = staffRoutes.find((candidate) => routeName(candidate) === 'GET /api/cases/{reference}');
    const probe = probes['GET /api/cases/{reference}'];
    if (route === undefined || probe === undefined) throw new Error('no case route');
    for (const attack of [
      'an ID token of another app client',
      'an access token',
      'an access token without aud',
    ]) {
      const answer = await send(route, probe, attacks[attack]?.(claimsOf(probe.allowed)));
      expect(answer.status, attack).toBe(401);
    }
  });

  it('answers 401/403/404 JSON to a signed-in person of another branch (or of no case role)', async () => {
    for (const route of staffRoutes) {
      const probe = probes[routeName(route)];
      if (probe === undefined || probe.outsider === 'nobody') continue;
      const answer = await send(route, probe, `Bearer ${tokens.issue(claimsOf(probe.outsider))}`);
      const what = `${routeName(route)} as ${probe.outsider}`;
      if (probe.outsiderSeesBeijing !== undefined && answer.status === 200) {
        expect(probe.outsiderSeesBeijing(answer, beijingReference), what).toBe(false);
        continue;
      }
      expectRefused(answer, what);
    }
  });
});
