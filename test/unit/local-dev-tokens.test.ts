import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { type ApiHandler, createApiDispatcher } from '../../infra/local/api-gateway-adapter.js';
import { type DevTokenClaims, DevTokenIssuer } from '../../infra/local/dev-tokens.js';
import type { LocalRequest } from '../../infra/local/http-server.js';
import { LOCAL_STAFF_AUDIENCE } from '../../shared/config/staff-audience.js';

const handler: DevTokenClaims = {
  sub: 'local-handler-BJ-001',
  'cognito:username': 'handler-BJ-001',
  'cognito:groups': ['handler'],
  name: 'Handler BJ-001',
  email: 'handler-BJ-001@staff.bank.example',
  'custom:branch': 'BJ-001',
};

const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const payloadOf = (token: string): unknown =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));

describe('local sign-in tokens', () => {
  const issuedAt = new Date('2026-11-20T02:00:00Z');
  const hours = (count: number) => new Date(issuedAt.getTime() + count * 3600_000);

  it('gives back the claims of a token it issued, for twelve hours', async () => {
    const tokens = new DevTokenIssuer();
    const token = tokens.issue(handler, issuedAt);
    expect(payloadOf(token)).toMatchObject({ iat: 1795140000, exp: 1795140000 + 12 * 3600 });
    // An ID token for the console, as Cognito issues one.
    const asIdToken = { ...handler, token_use: 'id', aud: LOCAL_STAFF_AUDIENCE };
    expect(await tokens.verify(token, issuedAt)).toEqual(asIdToken);
    expect(await tokens.verify(token, hours(11.99))).toEqual(asIdToken);
    expect(await tokens.verify(token, hours(12))).toBeUndefined();
  });

  it('refuses tampered, foreign, unsigned and malformed tokens', async () => {
    const tokens = new DevTokenIssuer();
    const token = tokens.issue(handler, issuedAt);
    const [head = '', , signature = ''] = token.split('.');
    const promoted = `${head}.${segment({ ...handler, 'cognito:groups': ['admin'], iat: 1795140000, exp: 1795183200 })}.${signature}`;
    const unsigned = `${segment({ alg: 'none', typ: 'JWT' })}.${token.split('.')[1]}.`;
    for (const bad of [
      promoted,
      unsigned,
      new DevTokenIssuer().issue(handler, issuedAt),
      `${token}.extra`,
      'not-a-token',
      '',
    ]) {
      expect(await tokens.verify(bad, issuedAt)).toBeUndefined();
    }
  });
});

describe('staff routes behind the local token check', () => {
  const request = (path: string, authorization?: string): LocalRequest => ({
    method: 'GET',
    path,
    query: new URLSearchParams(),
    headers: authorization === undefined ? {} : { authorization },
    body: '',
  });

  const dispatcherWithRecorder = (tokens: DevTokenIssuer) => {
    const seen: APIGatewayProxyEvent[] = [];
    const record: ApiHandler = async (event) => {
      seen.push(event);
      return { statusCode: 200, body: '{}' };
    };
    const dispatch = createApiDispatcher(
      {
        'submit-complaint': record,
        'complaint-status': record,
        'list-cases': record,
        'get-case': record,
        'register-case': record,
        'case-action': record,
        branches: record,
      },
      tokens,
    );
    return { dispatch, seen };
  };

  it('answers 401 JSON without calling the handler when the token is missing, forged or expired', async () => {
    const tokens = new DevTokenIssuer();
    const { dispatch, seen } = dispatcherWithRecorder(tokens);
    const expired = tokens.issue(handler, new Date(Date.now() - 13 * 3600_000));
    const forged = `${tokens.issue(handler).slice(0, -4)}AAAA`;
    for (const authorization of [undefined, 'Bearer nonsense', `Bearer ${forged}`, `Bearer ${expired}`]) {
      const response = await dispatch(request('/api/cases', authorization));
      expect(response?.status).toBe(401);
      expect(response?.headers?.['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(response?.body ?? '')).toEqual({
        error: { code: 'unauthorized', message: 'Unauthorized', fields: [] },
      });
    }
    expect(seen).toHaveLength(0);
  });

  it('hands a valid token’s claims to the handler as the Cognito authorizer does', async () => {
    const tokens = new DevTokenIssuer();
    const { dispatch, seen } = dispatcherWithRecorder(tokens);
    const response = await dispatch(request('/api/cases', `Bearer ${tokens.issue(handler)}`));
    expect(response?.status).toBe(200);
    expect(seen[0]?.requestContext.authorizer?.claims).toEqual({
      sub: 'local-handler-BJ-001',
      'cognito:username': 'handler-BJ-001',
      'cognito:groups': 'handler',
      name: 'Handler BJ-001',
      email: 'handler-BJ-001@staff.bank.example',
      'custom:branch': 'BJ-001',
      token_use: 'id',
      aud: LOCAL_STAFF_AUDIENCE,
    });
  });

  it('leaves public routes open without a token', async () => {
    const { dispatch, seen } = dispatcherWithRecorder(new DevTokenIssuer());
    expect((await dispatch(request('/api/complaints/RD-20261101-7K3QX9')))?.status).toBe(200);
    expect(seen).toHaveLength(1);
  });
});
