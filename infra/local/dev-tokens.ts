import { createHmac, randomBytes } from 'node:crypto';
import { jwtVerify } from 'jose';
import { z } from 'zod';
import { LOCAL_STAFF_AUDIENCE } from '../../shared/config/staff-audience.js';

/**
 * Local stand-in for Cognito sign-in: HS256 JWTs signed with a key made when the runtime starts
 * (never stored, so tokens die with the process). The local API adapter verifies them with
 * `jose` and hands the claims to handlers in the shape API Gateway's Cognito authorizer does.
 * Issuing stays synchronous (the runtime hands tokens out synchronously; jose only signs
 * asynchronously), so the token is assembled here as a plain compact HS256 JWT.
 * Like a Cognito ID token it says `token_use: id` and names the console client as its `aud`
 * (LOCAL_STAFF_AUDIENCE, what staff handlers expect when STAFF_CLIENT_ID is unset). As API
 * Gateway's Cognito authorizer, `verify` checks only signature and expiry: a token for another
 * audience or an access token reaches the handler, which refuses it.
 */

const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
/** Transport expiry on wall time: the virtual clock moves days in tests and must not sign anyone out. */
const TOKEN_LIFETIME_SECONDS = 12 * 3600;

const payloadSchema = z
  .object({
    sub: z.string().min(1),
    exp: z.number().int(),
    iat: z.number().int(),
    'cognito:username': z.string().optional(),
    'cognito:groups': z.array(z.string()).optional(),
    name: z.string().optional(),
    email: z.string().optional(),
    'custom:branch': z.string().optional(),
    token_use: z.string().optional(),
    aud: z.string().optional(),
  })
  .strict();

/** What a dev user's token says; `token_use` and `aud` default to an ID token for the console. */
export type DevTokenClaims = Omit<z.infer<typeof payloadSchema>, 'exp' | 'iat'>;

export class DevTokenIssuer {
  private readonly key = randomBytes(32);

  private sign(input: string): Buffer {
    return createHmac('sha256', this.key).update(input).digest();
  }

  issue(claims: DevTokenClaims, now = new Date()): string {
    const iat = Math.floor(now.getTime() / 1000);
    const payload = Buffer.from(
      JSON.stringify({
        token_use: 'id',
        aud: LOCAL_STAFF_AUDIENCE,
        ...claims,
        iat,
        exp: iat + TOKEN_LIFETIME_SECONDS,
      }),
    ).toString('base64url');
    return `${header}.${payload}.${this.sign(`${header}.${payload}`).toString('base64url')}`;
  }

  /**
   * The claims of a token this issuer signed and that has not expired; undefined otherwise
   * (bad signature, other algorithm, expired, malformed, or claims not of the expected shape).
   */
  async verify(token: string, now = new Date()): Promise<DevTokenClaims | undefined> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], currentDate: now }));
    } catch {
      return undefined;
    }
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) return undefined;
    const { exp: _exp, iat: _iat, ...claims } = parsed.data;
    return claims;
  }
}

/**
 * The claims as API Gateway's Cognito authorizer passes them to a REST-API Lambda: every value a
 * string, groups joined with commas.
 */
export const authorizerClaims = (claims: DevTokenClaims): Record<string, string> => {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (typeof value === 'string') result[name] = value;
    else if (Array.isArray(value)) result[name] = value.join(',');
  }
  return result;
};
