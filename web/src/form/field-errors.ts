import type { FieldError } from '../../../shared/schemas/complaint-submission-schema.js';
import type { MessageKey, MessageParams } from '../i18n/dictionary.js';
import { contactFields, type FieldSpec, fieldByPath } from './form-fields.js';

/** Where an error is shown: next to one field, on the contact group, or above the form. */
export type ErrorTarget = { kind: 'field'; field: FieldSpec } | { kind: 'contact' } | { kind: 'form' };

/**
 * An error in a form the page can show in either language. The field's label is kept as a key
 * so that switching language retranslates the message instead of freezing the old one.
 */
export interface ShownError {
  target: ErrorTarget;
  key: MessageKey;
  label?: MessageKey;
  params?: MessageParams;
}

const CONTACT_MISSING = /^give at least one contact/;
const REQUIRED = /^is required/;
const TOO_LONG = /^must be at most (\d+) characters/;
// Messages of the shared schema (and zod's own defaults) for a value that breaks a rule.
const RULE_BROKEN = /^(must be|invalid|is not a known field)/i;

/**
 * Turns a `{path, message}` pair, from the shared schema in the browser or from the API's 400
 * body, into a message in the customer's language. Both speak the schema's messages, so one
 * mapping serves both. A message the schema never produces (a rule only the server knows,
 * such as an unknown branch) keeps the server's words after a translated lead-in.
 */
export const classifyFieldError = (error: FieldError): ShownError => {
  const field = fieldByPath(error.path);
  if (CONTACT_MISSING.test(error.message))
    return { target: { kind: 'contact' }, key: 'error.contactMissing' };
  if (field === undefined) {
    return {
      target: { kind: 'form' },
      key: 'error.formServer',
      params: { detail: `${error.path} ${error.message}` },
    };
  }
  const target: ErrorTarget = { kind: 'field', field };
  if (REQUIRED.test(error.message) && field.requiredMessage !== undefined) {
    return { target, key: field.requiredMessage, label: field.label };
  }
  const tooLong = TOO_LONG.exec(error.message);
  if (tooLong !== null) {
    return { target, key: 'error.tooLong', label: field.label, params: { max: Number(tooLong[1]) } };
  }
  if (REQUIRED.test(error.message) || RULE_BROKEN.test(error.message)) {
    return { target, key: field.invalidMessage, label: field.label };
  }
  return { target, key: 'error.fieldServer', label: field.label, params: { detail: error.message } };
};

const targetId = (target: ErrorTarget): string =>
  target.kind === 'field' ? target.field.id : target.kind === 'contact' ? 'contact' : 'form';

/** One message per place (the first wins, as the schema lists the most basic problem first). */
export const classifyFieldErrors = (errors: readonly FieldError[]): ShownError[] => {
  const seen = new Set<string>();
  const shown: ShownError[] = [];
  for (const error of errors) {
    const classified = classifyFieldError(error);
    const id = targetId(classified.target);
    if (classified.target.kind !== 'form' && seen.has(id)) continue;
    seen.add(id);
    shown.push(classified);
  }
  return shown;
};

/** Page order of error places, so focus goes to the first one the customer would meet. */
export const errorOrder = (target: ErrorTarget, fieldOrder: readonly FieldSpec[]): number => {
  if (target.kind === 'form') return -1;
  const field = target.kind === 'contact' ? contactFields[0] : target.field;
  return fieldOrder.indexOf(field);
};
