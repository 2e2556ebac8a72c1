import type { AcceptedResponse } from '../api/api-schemas.js';

/**
 * The link to show the customer after a submission. The API's statusUrl is used only if it
 * points at our own status page; anything else (another site, a javascript: URL) is replaced
 * by the link rebuilt from the reference and token, so a bad response cannot send the
 * customer, or their token, elsewhere.
 */
export const statusLink = (accepted: AcceptedResponse, origin: string): URL => {
  try {
    const url = new URL(accepted.statusUrl, origin);
    if (url.origin === origin && url.pathname.startsWith('/status/') && url.searchParams.has('token'))
      return url;
  } catch {
    // Not a URL at all: fall through to the rebuilt link.
  }
  const rebuilt = new URL(`/status/${encodeURIComponent(accepted.reference)}`, origin);
  rebuilt.searchParams.set('token', accepted.trackingToken);
  return rebuilt;
};
