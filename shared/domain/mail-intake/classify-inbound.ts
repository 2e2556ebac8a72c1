import type { InboundMail } from './inbound-mail.js';
import {
  addressInHeader,
  firstHeader,
  headerValues,
  localPart,
  normaliseAddress,
  parseParameterisedValue,
} from './mail-headers.js';

export type AutomatedKind = 'auto_reply' | 'bounce' | 'loop';

export type InboundClassification = { kind: 'normal' } | { kind: AutomatedKind; reason: string };

const deliveryStatusTypes = new Set(['message/delivery-status', 'message/global-delivery-status']);
const bulkPrecedence = new Set(['bulk', 'junk', 'list']);
const daemonLocalParts = new Set(['mailer-daemon', 'postmaster']);

const loopReason = (mail: InboundMail, ours: Set<string>): string | undefined => {
  const from = mail.from?.address;
  if (from !== undefined && ours.has(normaliseAddress(from)))
    return `From: ${from} is our own sending address`;
  // Some forwarders keep our From but set Sender; either way the mail started with us.
  for (const sender of headerValues(mail, 'sender')) {
    const address = addressInHeader(sender);
    if (ours.has(address)) return `Sender: ${address} is our own sending address`;
  }
  return undefined;
};

const bounceReason = (mail: InboundMail): string | undefined => {
  const contentType = firstHeader(mail, 'content-type');
  const reportType =
    mail.contentType === 'multipart/report' && contentType !== undefined
      ? parseParameterisedValue(contentType).params['report-type']?.toLowerCase()
      : undefined;
  if (reportType === 'delivery-status') return 'Content-Type: multipart/report; report-type=delivery-status';
  const statusPart = mail.attachments.find((part) => deliveryStatusTypes.has(part.contentType));
  if (statusPart !== undefined) return `${statusPart.contentType} part`;

  // `From: MAILER-DAEMON` without a domain parses to no address, so look at the header too.
  const fromAddresses = [mail.from?.address, ...headerValues(mail, 'from').map(addressInHeader)];
  for (const address of fromAddresses) {
    if (address === undefined || address === '') continue;
    const local = localPart(normaliseAddress(address));
    if (daemonLocalParts.has(local))
      return `From: ${local === 'postmaster' ? 'postmaster' : 'MAILER-DAEMON'}`;
  }
  return undefined;
};

const autoReplyReason = (mail: InboundMail): string | undefined => {
  const contentType = firstHeader(mail, 'content-type');
  if (mail.contentType === 'multipart/report' && contentType !== undefined) {
    const reportType = parseParameterisedValue(contentType).params['report-type']?.toLowerCase();
    // Read receipts are machine-made too; answering one would start the loop we must avoid.
    if (reportType === 'disposition-notification') {
      return 'Content-Type: multipart/report; report-type=disposition-notification';
    }
  }
  for (const value of headerValues(mail, 'auto-submitted')) {
    const token = parseParameterisedValue(value).value;
    if (token !== '' && token !== 'no') return `Auto-Submitted: ${value.trim()}`;
  }
  const autoreply = firstHeader(mail, 'x-autoreply');
  if (autoreply !== undefined) return `X-Autoreply: ${autoreply.trim()}`;
  const autorespond = firstHeader(mail, 'x-autorespond');
  if (autorespond !== undefined) return `X-Autorespond: ${autorespond.trim()}`;
  for (const value of headerValues(mail, 'precedence')) {
    if (bulkPrecedence.has(value.trim().toLowerCase())) return `Precedence: ${value.trim()}`;
  }
  const listId = firstHeader(mail, 'list-id');
  if (listId !== undefined) return `List-Id: ${listId.trim()}`;
  return undefined;
};

/**
 * Is this mail from a person, or something we must record and never answer? Checked in this
 * order: our own address (a loop), explicit bounce signals, auto-reply markers, and last an
 * empty Return-Path, which RFC 3834 auto-responders use too, so the more telling headers name
 * the reason when both are present.
 *
 * `ourAddresses` are every address we send from or receive on.
 */
export const classifyInbound = (
  mail: InboundMail,
  ourAddresses: readonly string[],
): InboundClassification => {
  const ours = new Set(ourAddresses.map(normaliseAddress));
  const loop = loopReason(mail, ours);
  if (loop !== undefined) return { kind: 'loop', reason: loop };
  const bounce = bounceReason(mail);
  if (bounce !== undefined) return { kind: 'bounce', reason: bounce };
  const autoReply = autoReplyReason(mail);
  if (autoReply !== undefined) return { kind: 'auto_reply', reason: autoReply };
  if (mail.returnPath === null) return { kind: 'bounce', reason: 'Return-Path: <>' };
  return { kind: 'normal' };
};
