/**
 * Header text as a person wrote it: raw 8-bit bytes and RFC 2047 encoded words (`=?GBK?B?...?=`,
 * `=?UTF-8?Q?...?=`) decoded. The runtime's TextDecoder (full ICU) knows GB2312/GBK, GB18030
 * and Big5, the charsets Chinese mail clients use.
 */

const decoderFor = (charset: string): TextDecoder => {
  // RFC 2231 lets a language follow the charset (`utf-8*zh-cn`).
  const label = charset.split('*')[0]?.trim().toLowerCase() ?? '';
  try {
    return new TextDecoder(label === '' ? 'utf-8' : label);
  } catch {
    // An unknown label still has to show something; UTF-8 is what most unlabelled text is.
    return new TextDecoder('utf-8');
  }
};

const base64Bytes = (text: string): Uint8Array => Buffer.from(text.replace(/[^A-Za-z0-9+/]/g, ''), 'base64');

const quotedPrintableBytes = (text: string): Uint8Array => {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    const hex = text.slice(index + 1, index + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else if (char === '_') bytes.push(0x20);
    else bytes.push(text.charCodeAt(index) & 0xff);
  }
  return Uint8Array.from(bytes);
};

const encodedWord = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

/**
 * Decodes the encoded words in one header value. Adjacent words in the same charset are joined
 * before decoding, because clients split a multi-byte character across two words; whitespace
 * between encoded words is not part of the text (RFC 2047 section 6.2).
 */
export const decodeEncodedWords = (value: string): string => {
  let output = '';
  let pending: { charset: string; chunks: Uint8Array[] } | undefined;
  let position = 0;
  const flush = () => {
    if (pending === undefined) return;
    output += decoderFor(pending.charset).decode(Buffer.concat(pending.chunks));
    pending = undefined;
  };
  for (const match of value.matchAll(encodedWord)) {
    const [whole, charset = '', encoding = '', payload = ''] = match;
    const between = value.slice(position, match.index);
    if (pending === undefined || between.trim() !== '') {
      flush();
      output += between;
    }
    const bytes = encoding.toLowerCase() === 'b' ? base64Bytes(payload) : quotedPrintableBytes(payload);
    if (pending !== undefined && pending.charset.toLowerCase() !== charset.toLowerCase()) flush();
    if (pending === undefined) pending = { charset, chunks: [] };
    pending.chunks.push(bytes);
    position = match.index + whole.length;
  }
  flush();
  return output + value.slice(position);
};

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/**
 * mailparser hands header lines over as one character per byte. 8-bit headers are UTF-8 from
 * modern clients; when the bytes are not valid UTF-8 they are most likely GBK from an older
 * Chinese client, and GB18030 decodes GBK too.
 */
export const decodeRawHeaderBytes = (binary: string): string => {
  if (!/[\u0080-\u00ff]/.test(binary)) return binary;
  const bytes = Buffer.from(binary, 'latin1');
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return gb18030.decode(bytes);
  }
};
