import { TemplateInputError } from './template-errors.js';

/**
 * A link we put in front of a customer. Escaping stops a URL breaking out of its attribute but
 * not a `javascript:` or `data:` scheme running when clicked, so only http(s) is accepted.
 * Returns the parsed form, which also percent-encodes spaces and other stray characters.
 */
export const webUrl = (url: string, field = 'url'): string => {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new TemplateInputError(field, 'is not an absolute URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new TemplateInputError(field, `must use http or https, not ${parsed.protocol}`);
  }
  if (parsed.username || parsed.password) {
    throw new TemplateInputError(field, 'must not carry credentials');
  }
  return parsed.href;
};
