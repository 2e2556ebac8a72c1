import type { InboundMail } from './inbound-mail.js';

/** Every value of one header, topmost first; relay-added headers (SES's) come first. */
export const headerValues = (mail: Pick<InboundMail, 'headers'>, name: string): string[] => {
  const key = name.toLowerCase();
  // Own keys only: a name such as `constructor` must not find Object.prototype's.
  return Object.hasOwn(mail.headers, key) ? (mail.headers[key] ?? []) : [];
};

export const firstHeader = (mail: Pick<InboundMail, 'headers'>, name: string): string | undefined =>
  headerValues(mail, name)[0];

export interface ParameterisedValue {
  /** The main value, lower-cased (`multipart/report`). */
  value: string;
  /** Parameter names lower-cased, values unquoted. */
  params: Record<string, string>;
}

/** Splits `type/subtype; name="value"; other=value` as Content-Type and similar headers are written. */
export const parseParameterisedValue = (header: string): ParameterisedValue => {
  const [head = '', ...rest] = header.split(';');
  const params: Record<string, string> = {};
  for (const part of rest) {
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    const name = part.slice(0, equals).trim().toLowerCase();
    const raw = part.slice(equals + 1).trim();
    params[name] = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw;
  }
  return { value: head.trim().toLowerCase(), params };
};

/** Address comparison is case-insensitive in practice (providers ignore local-part case). */
export const normaliseAddress = (address: string): string => address.trim().toLowerCase();

/** The bare address of a header such as Sender or Return-Path: `Name <a@b>` or `a@b`. */
export const addressInHeader = (value: string): string => {
  const bracketed = /<([^>]*)>/.exec(value);
  return normaliseAddress(bracketed?.[1] ?? value);
};

export const localPart = (address: string): string => {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : address.slice(0, at);
};
