import { htmlToText } from './html-to-text.js';
import type { InboundMail } from './inbound-mail.js';
import { isForwardedSubject } from './mail-threading.js';

const isQuoted = (line: string): boolean => /^\s*>/.test(line);
const isBlank = (line: string): boolean => line.trim() === '';

/** `-----Original Message-----` (Outlook), `------------------ 原始邮件 ------------------` (Foxmail, QQ). */
const originalMessageSeparator =
  /^\s*-{2,}\s*(original message|original|原始邮件|原始郵件|邮件原件)\s*-{2,}\s*$/i;

/** Markers that start forwarded content, which is evidence and kept. */
const forwardMarker =
  /^\s*(-{2,}\s*(forwarded message|转发的邮件|轉寄的郵件|转发邮件)\s*-{2,}|begin forwarded message\s*:|开始转发的邮件\s*[:：]|以下为转发的邮件\s*[:：]?)\s*$/i;

// Outlook's header block, in English and in Chinese (simplified and traditional) Outlook.
const fromField = /^\s*\*?(from|发件人|發件人|寄件者)\s*\*?\s*[:：]/i;
const dateField = /^\s*\*?(sent|date|发送时间|發送時間|日期|时间|時間|寄件日期)\s*\*?\s*[:：]/i;
const toField = /^\s*\*?(to|收件人|收件者)\s*\*?\s*[:：]/i;
const subjectField = /^\s*\*?(subject|主题|主題|主旨)\s*\*?\s*[:：]/i;
/** The rule some clients draw above the block (`________________________________`). */
const ruleLine = /^\s*[_\-=—]{5,}\s*$/;

const attributionEnd = /(\bwrote|[写寫]道)\s*[:：]\s*$/i;
/** How a wrapped attribution starts; a one-line one may also start with a name (`… 於 … 寫道：`). */
const attributionOpening = /^\s*(on\s|在|\d{4}\s*[年/.-])/i;

const mobileSignatures = [
  /^sent from my (iphone|ipad|android|mobile|phone|smartphone|samsung|galaxy|huawei|honor|xiaomi|pixel|blackberry)\b.{0,30}$/i,
  /^sent from (outlook|mail|yahoo mail)( for (ios|android|windows|mac)\b.{0,20})?$/i,
  /^get outlook for (ios|android)$/i,
  /^(发自|發自|来自|來自)我的\s?(iphone|ipad|android|手机|手機|华为|華為|huawei|荣耀|honor|小米|redmi|oppo|vivo|galaxy|三星)[^。！？.!?]{0,20}$/i,
  /^从我的\s?(iphone|ipad)\s?发送$/i,
  /^获取\s?outlook\s?for\s?(ios|android)$/i,
];
const isMobileSignature = (line: string): boolean => {
  const trimmed = line.trim();
  return mobileSignatures.some((pattern) => pattern.test(trimmed));
};

/** Outlook's From/Sent/To/Subject block starting at `index`: From, then a date and a To or Subject within the next few lines. */
const headerBlockAt = (lines: readonly string[], index: number): boolean => {
  if (!fromField.test(lines[index] ?? '')) return false;
  let seenDate = false;
  let seenAddressee = false;
  let looked = 0;
  for (let next = index + 1; next < lines.length && looked < 5; next += 1) {
    const line = lines[next] ?? '';
    if (isBlank(line)) continue;
    looked += 1;
    if (dateField.test(line)) seenDate = true;
    if (toField.test(line) || subjectField.test(line)) seenAddressee = true;
  }
  return seenDate && seenAddressee;
};

/**
 * "On <date>, <someone> wrote:" and its Chinese forms ("在 2026年11月20日 …写道：", "2026年11月20日
 * 10:02，… 写道：", "… 於 … 寫道："), which clients wrap over up to three lines. Returns how many
 * lines it spans, 0 when there is none. A date, a time or an address is required so that a
 * customer's own "your manager wrote:" is not mistaken for one.
 */
const attributionAt = (lines: readonly string[], index: number): { span: number; hasAddress: boolean } => {
  const opens = attributionOpening.test(lines[index] ?? '');
  for (let span = 1; span <= (opens ? 3 : 1) && index + span <= lines.length; span += 1) {
    const chunk = lines.slice(index, index + span);
    if (chunk.some((line) => isBlank(line) || isQuoted(line))) break;
    const joined = chunk.map((line) => line.trim()).join(' ');
    if (!attributionEnd.test(joined)) continue;
    const dated = /\d{1,2}:\d{2}|\d{4}/.test(joined);
    const hasAddress = joined.includes('@');
    const plausible = joined.length <= 300 && (dated || hasAddress) && (opens || dated);
    return plausible ? { span, hasAddress } : { span: 0, hasAddress: false };
  }
  return { span: 0, hasAddress: false };
};

const nextNonBlank = (lines: readonly string[], from: number): string | undefined => {
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (!isBlank(line)) return line;
  }
  return undefined;
};

/** Where history we cannot see the end of begins: everything from there on is the earlier mail. */
const historyStartAt = (lines: readonly string[], index: number): boolean => {
  const line = lines[index] ?? '';
  if (isQuoted(line)) return false;
  if (originalMessageSeparator.test(line) || headerBlockAt(lines, index)) return true;
  const attribution = attributionAt(lines, index);
  return attribution.span > 0 && attribution.hasAddress;
};

/** First line of forwarded content: an explicit forward marker, or for a `Fwd:` subject the first sign of an earlier mail. */
const forwardStart = (lines: readonly string[], forwarded: boolean): number => {
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (isQuoted(line)) {
      if (forwarded) return index;
      continue;
    }
    if (forwardMarker.test(line)) return index;
    // In a reply, a forward marker below the start of the history belongs to an earlier mail.
    if (historyStartAt(lines, index)) return forwarded ? index : lines.length;
    if (forwarded && attributionAt(lines, index).span > 0) return index;
  }
  return lines.length;
};

/** The customer's own words of a reply: quoted lines and their attribution go, unmarked history is cut. */
const ownWords = (lines: readonly string[]): string[] => {
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (isQuoted(line)) continue;
    if (originalMessageSeparator.test(line)) break;
    if (headerBlockAt(lines, index)) {
      while (
        kept.length > 0 &&
        (isBlank(kept[kept.length - 1] ?? '') || ruleLine.test(kept[kept.length - 1] ?? ''))
      ) {
        kept.pop();
      }
      break;
    }
    const attribution = attributionAt(lines, index);
    if (attribution.span > 0) {
      const following = nextNonBlank(lines, index + attribution.span);
      // Quoted lines follow: drop the attribution, keep reading (the customer may answer inline below).
      if (following !== undefined && isQuoted(following)) {
        index += attribution.span - 1;
        continue;
      }
      if (attribution.hasAddress) break;
    }
    if (isMobileSignature(line)) continue;
    kept.push(line);
  }
  return kept;
};

const tidy = (lines: readonly string[]): string =>
  lines
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/**
 * The text a customer wrote, without the history of the thread they answered. Quoted (`>`)
 * lines are dropped wherever they are and the customer's lines below or between them are kept
 * (inline and bottom-posted replies); history that is not marked line by line (Outlook's
 * header block, "-----Original Message-----", 原始邮件, an attribution with an address not
 * followed by quotes) is cut to the end, since nothing shows where it stops.
 *
 * Forwarded content is evidence and kept whole: everything from an explicit forward marker on,
 * or for a `Fwd:`/`转发:` subject from the first sign of an earlier mail.
 *
 * If stripping would leave nothing (a letter that opens with its own From/Date/To/Subject
 * lines, or an empty reply), the whole text is kept: losing a complaint's words is worse than
 * storing some history, and the raw mail is kept anyway.
 */
export const stripQuotedHistory = (text: string, options: { forwarded: boolean }): string => {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n');
  const start = forwardStart(lines, options.forwarded);
  const own = ownWords(lines.slice(0, start));
  const forwardedPart = lines.slice(start);
  const stripped = tidy(forwardedPart.length > 0 ? [...own, '', ...forwardedPart] : own);
  return stripped === '' ? tidy(lines.filter((line) => !isMobileSignature(line))) : stripped;
};

/** The readable text of a mail: its text part, or its HTML as text, without quoted history. */
export const messageText = (mail: Pick<InboundMail, 'text' | 'html' | 'subject'>): string => {
  const body =
    mail.text !== undefined && mail.text.trim() !== ''
      ? mail.text
      : mail.html !== undefined
        ? htmlToText(mail.html)
        : '';
  return stripQuotedHistory(body, { forwarded: isForwardedSubject(mail.subject) });
};
