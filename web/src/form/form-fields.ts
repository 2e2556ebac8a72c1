import {
  complaintSubmissionSchema,
  MAX_DESCRIPTION_LENGTH,
  MAX_SUBJECT_LENGTH,
} from '../../../shared/schemas/complaint-submission-schema.js';
import type { MessageKey } from '../i18n/dictionary.js';

// Read from the schema itself so the counters and the checks can never disagree.
const shape = complaintSubmissionSchema.shape;
const limitOf = (value: number | null, fallback: number): number => value ?? fallback;
export const MAX_NAME_LENGTH = limitOf(shape.customer.shape.name.unwrap().maxLength, 100);
export const MAX_PRODUCT_LENGTH = limitOf(shape.product.unwrap().maxLength, 100);
export const MAX_DESIRED_OUTCOME_LENGTH = limitOf(shape.desiredOutcome.unwrap().maxLength, 2_000);

export type ControlKind = 'text' | 'email' | 'tel' | 'date' | 'textarea' | 'select' | 'checkbox';

export interface FieldSpec {
  /** The control's DOM id and name. */
  id: string;
  /** Dotted path in the submission, as the API names it in field errors. */
  path: string;
  control: ControlKind;
  label: MessageKey;
  hint?: MessageKey;
  /** Shown with a * and aria-required; the schema decides what is really required. */
  required?: boolean;
  maxLength?: number;
  /** Shows a live character count against maxLength (for the long free-text fields). */
  counter?: boolean;
  autocomplete?: string;
  /** The message for "is required" from the schema. */
  requiredMessage?: MessageKey;
  /** The message for any other rule of the schema this field breaks. */
  invalidMessage: MessageKey;
}

const field = (spec: FieldSpec): FieldSpec => spec;

export const anonymousField = field({
  id: 'anonymous',
  path: 'anonymous',
  control: 'checkbox',
  label: 'field.anonymous',
  hint: 'hint.anonymous',
  invalidMessage: 'error.fieldInvalid',
});

export const nameField = field({
  id: 'customer-name',
  path: 'customer.name',
  control: 'text',
  label: 'field.name',
  required: true,
  maxLength: MAX_NAME_LENGTH,
  autocomplete: 'name',
  requiredMessage: 'error.nameRequired',
  invalidMessage: 'error.fieldInvalid',
});

/** Any one of these is enough; the schema reports a missing contact on customer.email. */
export const contactFields = [
  field({
    id: 'customer-phone',
    path: 'customer.phone',
    control: 'tel',
    label: 'field.phone',
    hint: 'hint.phone',
    autocomplete: 'tel',
    invalidMessage: 'error.phoneInvalid',
  }),
  field({
    id: 'customer-email',
    path: 'customer.email',
    control: 'email',
    label: 'field.email',
    autocomplete: 'email',
    invalidMessage: 'error.emailInvalid',
  }),
  field({
    id: 'customer-id',
    path: 'customer.customerId',
    control: 'text',
    label: 'field.customerId',
    hint: 'hint.customerId',
    autocomplete: 'off',
    invalidMessage: 'error.customerIdInvalid',
  }),
] as const;

export const complaintFields = [
  field({
    id: 'branch-code',
    path: 'branchCode',
    control: 'text',
    label: 'field.branchCode',
    hint: 'hint.branchCode',
    autocomplete: 'off',
    invalidMessage: 'error.branchCodeInvalid',
  }),
  field({
    id: 'category',
    path: 'category',
    control: 'select',
    label: 'field.category',
    invalidMessage: 'error.categoryInvalid',
  }),
  field({
    id: 'product',
    path: 'product',
    control: 'text',
    label: 'field.product',
    hint: 'hint.product',
    maxLength: MAX_PRODUCT_LENGTH,
    invalidMessage: 'error.fieldInvalid',
  }),
  field({
    id: 'occurred-at',
    path: 'occurredAt',
    control: 'date',
    label: 'field.occurredAt',
    invalidMessage: 'error.occurredAtInvalid',
  }),
  field({
    id: 'subject',
    path: 'subject',
    control: 'text',
    label: 'field.subject',
    hint: 'hint.subject',
    required: true,
    maxLength: MAX_SUBJECT_LENGTH,
    counter: true,
    requiredMessage: 'error.subjectRequired',
    invalidMessage: 'error.fieldInvalid',
  }),
  field({
    id: 'description',
    path: 'description',
    control: 'textarea',
    label: 'field.description',
    hint: 'hint.description',
    required: true,
    maxLength: MAX_DESCRIPTION_LENGTH,
    counter: true,
    requiredMessage: 'error.descriptionRequired',
    invalidMessage: 'error.fieldInvalid',
  }),
  field({
    id: 'desired-outcome',
    path: 'desiredOutcome',
    control: 'textarea',
    label: 'field.desiredOutcome',
    maxLength: MAX_DESIRED_OUTCOME_LENGTH,
    counter: true,
    invalidMessage: 'error.fieldInvalid',
  }),
] as const;

export const priorityFields = [
  field({
    id: 'urgent',
    path: 'urgent',
    control: 'checkbox',
    label: 'field.urgent',
    invalidMessage: 'error.fieldInvalid',
  }),
  field({
    id: 'vulnerable',
    path: 'vulnerable',
    control: 'checkbox',
    label: 'field.vulnerable',
    invalidMessage: 'error.fieldInvalid',
  }),
] as const;

export const consentField = field({
  id: 'consent',
  path: 'consent',
  control: 'checkbox',
  label: 'field.consent',
  required: true,
  invalidMessage: 'error.consentRequired',
});

/** Every field in page order, which is also the order in which the first error takes focus. */
export const allFields: readonly FieldSpec[] = [
  anonymousField,
  nameField,
  ...contactFields,
  ...complaintFields,
  ...priorityFields,
  consentField,
];

export const fieldByPath = (path: string): FieldSpec | undefined =>
  allFields.find((candidate) => candidate.path === path);
