import libmime from 'libmime';

/**
 * Header text as a person wrote it: raw 8-bit bytes, RFC 2047 encoded words (`=?GBK?B?...?=`,
 * `=?UTF-8?Q?...?=`) and RFC 2231 parameters (`filename*0*=gb18030''...`) decoded. The decoding
 * is libmime's (the library mailparser uses), which knows GB2312/GBK, GB18030 and Big5.
 */

/**
 * Decodes the encoded words in one header value. Adjacent words in the same charset are joined
 * before decoding, because clients split a multi-byte character across two words; whitespace
 * between encoded words is not part of the text (RFC 2047 section 6.2). Anything that is not a
 * well-formed encoded word is left as it is.
 */
export const decodeEncodedWords = (value: string): string => libmime.decodeWords(value);

export interface HeaderParameters {
  /** The main value, lower-cased (`multipart/report`, `attachment`). */
  value: string;
  /** Parameter names lower-cased, values unquoted and decoded. */
  params: Record<string, string>;
}

/**
 * Splits `type/subtype; name="value"` as Content-Type and Content-Disposition are written, with
 * RFC 2231 values (charset, percent-encoding, `*0*`/`*1*` continuations) reassembled and decoded.
 * Encoded words inside quoted values are decoded too: Outlook and Chinese clients write filenames
 * as `name="=?GBK?B?...?="` although RFC 2047 does not allow it there.
 */
export const parseHeaderParameters = (header: string): HeaderParameters => {
  const parsed = libmime.parseHeaderValue(header, { stripComments: true });
  const alreadyDecoded = new Set(parsed.decodedParams);
  // fromEntries defines own properties, so a parameter named `__proto__` stays a parameter.
  const params = Object.fromEntries(
    Object.entries(parsed.params).map(([name, raw]) => [
      name,
      alreadyDecoded.has(name) ? raw : decodeEncodedWords(raw),
    ]),
  );
  return { value: parsed.value.trim().toLowerCase(), params };
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
