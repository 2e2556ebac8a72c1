import type { InboundMail } from './inbound-mail.js';
import { headerValues } from './mail-headers.js';

/** SES's spam and virus scans: `X-SES-Spam-Verdict` / `X-SES-Virus-Verdict`. */
export type ScanVerdict = 'pass' | 'fail' | 'gray' | 'processing_failed' | 'unknown';

/** Results of SPF, DKIM and DMARC checks as RFC 8601 names them. */
export type AuthVerdict =
  | 'pass'
  | 'fail'
  | 'softfail'
  | 'neutral'
  | 'none'
  | 'temperror'
  | 'permerror'
  | 'unknown';

/** A field is absent when the mail carried no such header (local mode has no SES in front). */
export interface MailVerdicts {
  spam?: ScanVerdict;
  virus?: ScanVerdict;
  spf?: AuthVerdict;
  dkim?: AuthVerdict;
  dmarc?: AuthVerdict;
}

const scanVerdicts: readonly ScanVerdict[] = ['pass', 'fail', 'gray', 'processing_failed'];
const authVerdicts: readonly AuthVerdict[] = [
  'pass',
  'fail',
  'softfail',
  'neutral',
  'none',
  'temperror',
  'permerror',
];

const asScan = (value: string): ScanVerdict => {
  const token = value.trim().toLowerCase();
  return scanVerdicts.find((verdict) => verdict === token) ?? 'unknown';
};

const asAuth = (value: string): AuthVerdict => {
  const token = value.trim().toLowerCase();
  return authVerdicts.find((verdict) => verdict === token) ?? 'unknown';
};

/** Where SES says what it found; a sender's own copy of such a header sits lower down. */
const sesAuthservId = /^\s*amazonses\.com\s*(;|$)/i;

const withoutComments = (value: string): string => value.replace(/\([^()]*\)/g, ' ');

/** One method's result; with several signatures, one passing DKIM signature is enough. */
const methodResult = (results: string, method: 'spf' | 'dkim' | 'dmarc'): AuthVerdict | undefined => {
  const found = [...results.matchAll(new RegExp(`(?:^|[;\\s])${method}\\s*=\\s*([a-z]+)`, 'gi'))].map(
    (match) => asAuth(match[1] ?? ''),
  );
  if (found.length === 0) return undefined;
  return found.includes('pass') ? 'pass' : found[0];
};

/**
 * The verdicts SES stamped on the stored mail. Relays prepend headers, so the topmost copy is
 * the one SES wrote; a sender cannot vouch for itself by adding its own lower down. A virus
 * FAIL anywhere still counts: a forged FAIL only quarantines the forger's own mail.
 */
export const mailVerdicts = (mail: InboundMail): MailVerdicts => {
  const verdicts: MailVerdicts = {};

  const spam = headerValues(mail, 'x-ses-spam-verdict');
  if (spam[0] !== undefined) verdicts.spam = asScan(spam[0]);
  const virus = headerValues(mail, 'x-ses-virus-verdict').map(asScan);
  if (virus[0] !== undefined) verdicts.virus = virus.includes('fail') ? 'fail' : virus[0];

  const authentication = headerValues(mail, 'authentication-results');
  const results = authentication.find((value) => sesAuthservId.test(value)) ?? authentication[0];
  if (results !== undefined) {
    const clean = withoutComments(results);
    const spf = methodResult(clean, 'spf');
    const dkim = methodResult(clean, 'dkim');
    const dmarc = methodResult(clean, 'dmarc');
    if (spf !== undefined) verdicts.spf = spf;
    if (dkim !== undefined) verdicts.dkim = dkim;
    if (dmarc !== undefined) verdicts.dmarc = dmarc;
  }
  const receivedSpf = headerValues(mail, 'received-spf')[0];
  if (verdicts.spf === undefined && receivedSpf !== undefined) {
    verdicts.spf = asAuth(/^\s*([a-z]+)/i.exec(receivedSpf)?.[1] ?? '');
  }
  return verdicts;
};

/**
 * The sender's domain says this From is not theirs: DMARC failed, or SPF failed hard with no
 * passing DKIM signature to vouch for it. Unknown or missing results are not evidence of
 * forgery (small providers often publish neither).
 */
export const senderLooksForged = (verdicts: MailVerdicts): boolean =>
  verdicts.dmarc === 'fail' || (verdicts.spf === 'fail' && verdicts.dkim !== 'pass');
