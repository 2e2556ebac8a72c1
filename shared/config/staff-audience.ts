/**
 * The audience (`aud`) the local dev token issuer stamps on its ID tokens, and what staff
 * handlers expect when `STAFF_CLIENT_ID` is unset. In AWS the CDK sets `STAFF_CLIENT_ID` to the
 * console's user pool client id, so a deployed function never falls back to this value; if it
 * did, real tokens (whose `aud` is the client id) would be refused, failing closed.
 */
export const LOCAL_STAFF_AUDIENCE = 'redress-local-console';
