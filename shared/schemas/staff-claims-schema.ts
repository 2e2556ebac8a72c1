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
});

export type StaffClaims = z.input<typeof staffClaimsSchema>;

const isRole = (group: string): group is StaffRole => staffRoles.some((role) => role === group);

const authorizerSchema = z.object({ claims: z.unknown() });

/**
 * The signed-in staff member, or undefined when the request carries no usable identity.
 * Groups that are not roles are ignored rather than refused, so a new group cannot lock anyone out.
 */
export const staffFromAuthorizer = (authorizer: unknown): StaffMember | undefined => {
  const context = authorizerSchema.safeParse(authorizer);
  if (!context.success) return undefined;
  const claims = staffClaimsSchema.safeParse(context.data.claims);
  if (!claims.success) return undefined;
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
