import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Local stand-in for Cognito sign-in: HS256 JWTs signed with a key made when the runtime starts
 * (never stored, so tokens die with the process). The local API adapter verifies them and hands
 * the claims to handlers in the shape API Gateway's Cognito authorizer does.
 */

const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
/** Transport expiry on wall time: the virtual clock moves days in tests and must not sign anyone out. */
const TOKEN_LIFETIME_SECONDS = 12 * 3600;

const headerSchema = z.object({ alg: z.literal('HS256'), typ: z.literal('JWT').optional() });
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
  })
  .strict();

export type DevTokenClaims = Omit<z.infer<typeof payloadSchema>, 'exp' | 'iat'>;

const jsonPart = (part: string): unknown => {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
};

export class DevTokenIssuer {
  private readonly key = randomBytes(32);

  private sign(input: string): Buffer {
    return createHmac('sha256', this.key).update(input).digest();
  }

  issue(claims: DevTokenClaims, now = new Date()): string {
    const iat = Math.floor(now.getTime() / 1000);
    const payload = Buffer.from(
      JSON.stringify({ ...claims, iat, exp: iat + TOKEN_LIFETIME_SECONDS }),
    ).toString('base64url');
    return `${header}.${payload}.${this.sign(`${header}.${payload}`).toString('base64url')}`;
  }

  /** The claims of a token this issuer signed and that has not expired; undefined otherwise. */
  verify(token: string, now = new Date()): DevTokenClaims | undefined {
    const [head, body, signature, ...rest] = token.split('.');
    if (head === undefined || body === undefined || signature === undefined || rest.length > 0)
      return undefined;
    const given = Buffer.from(signature, 'base64url');
    const expected = this.sign(`${head}.${body}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    if (!headerSchema.safeParse(jsonPart(head)).success) return undefined;
    const payload = payloadSchema.safeParse(jsonPart(body));
    if (!payload.success || payload.data.exp * 1000 <= now.getTime()) return undefined;
    const { exp: _exp, iat: _iat, ...claims } = payload.data;
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
