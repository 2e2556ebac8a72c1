import { z } from 'zod';
import { type StaffMember, type StaffRole, staffRoles } from '../domain/staff/staff-types.js';

/**
 * The identity API Gateway's Cognito authorizer hands to a Lambda in
 * `requestContext.authorizer.claims`: every claim a string, groups either an array or one string
 * (comma- or space-separated, sometimes in brackets, depending on how the token was read).
 */
const groupsSchema = z
  .union([z.array(z.string()), z.string()])
  .transform((groups) =>
    (Array.isArray(groups) ? groups : groups.replace(/^\[|\]$/g, '').split(/[\s,]+/))
      .map((group) => group.trim())
      .filter((group) => group.length > 0),
  );

export const staffClaimsSchema = z.object({
  sub: z.string().min(1),
  'cognito:username': z.string().min(1).optional(),
  'cognito:groups': groupsSchema.optional(),
  name: z.string().min(1).optional(),
  email: z.string().optional(),
  'custom:branch': z.string().optional(),
  /** `id` for an ID token; an access token says `access` and carries no `aud`. */
  token_use: z.string().optional(),
  /** The app client the ID token was issued to. */
  aud: z.string().optional(),
});

export type StaffClaims = z.input<typeof staffClaimsSchema>;

const isRole = (group: string): group is StaffRole => staffRoles.some((role) => role === group);

const authorizerSchema = z.object({ claims: z.unknown() });

/**
 * The signed-in staff member, or undefined when the request carries no usable identity: no
 * claims, or claims of anything but an ID token (`token_use: id`) issued to the staff console
 * (`aud`). Groups that are not roles are ignored rather than refused, so a new group cannot lock
 * anyone out.
 */
export const staffFromAuthorizer = (
  authorizer: unknown,
  /** The app client staff tokens must have been issued to (`STAFF_CLIENT_ID`). API Gateway's
   * Cognito authorizer accepts any unexpired token of the pool, whichever client and whether ID
   * or access token, so this check is the handlers' own. */
  audience: string,
): StaffMember | undefined => {
  const context = authorizerSchema.safeParse(authorizer);
  if (!context.success) return undefined;
  const claims = staffClaimsSchema.safeParse(context.data.claims);
  if (!claims.success) return undefined;
  if (claims.data.token_use !== 'id' || claims.data.aud !== audience) return undefined;
  const id = claims.data['cognito:username'] ?? claims.data.sub;
  const branch = claims.data['custom:branch']?.trim();
  const email = claims.data.email?.trim();
  return {
    id,
    name: claims.data.name ?? id,
    roles: (claims.data['cognito:groups'] ?? []).filter(isRole),
    ...(branch ? { branchCode: branch } : {}),
    ...(email ? { email } : {}),
  };
};
