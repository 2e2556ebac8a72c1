/// <reference lib="dom" />

import type { Language } from '../../../shared/domain/case/case-types.js';
import type { SubmitOutcome, Submitter } from '../api/submit-complaint.js';
import { type MessageKey, type MessageParams, translate } from '../i18n/dictionary.js';
import { h, toggleIdReference } from '../ui/dom.js';
import type { Localizer } from '../ui/localizer.js';
import { checkSubmission } from './check-submission.js';
import { renderConfirmation } from './confirmation-view.js';
import { classifyFieldErrors, errorOrder, type ShownError } from './field-errors.js';
import {
  allFields,
  anonymousField,
  complaintFields,
  consentField,
  contactFields,
  type FieldSpec,
  nameField,
  priorityFields,
} from './form-fields.js';
import { type FieldView, renderField } from './form-view.js';
import { statusLink } from './status-link.js';

interface AlertLine {
  key: MessageKey;
  params?: MessageParams;
}

const messageOf = (error: ShownError, language: Language): string =>
  translate(language, error.key, {
    ...error.params,
    field: error.label === undefined ? '' : translate(language, error.label),
  });

const outcomeAlert = (
  outcome: Exclude<SubmitOutcome, { kind: 'accepted' } | { kind: 'invalid' }>,
): AlertLine => {
  switch (outcome.kind) {
    case 'network_error':
      return { key: 'submit.networkError' };
    case 'server_error':
      return { key: 'submit.serverError' };
    case 'too_large':
      return { key: 'submit.tooLarge' };
    case 'conflict':
      return { key: 'submit.conflict' };
    case 'rejected':
      return { key: 'submit.rejected' };
  }
};

const optionalText = (value: string): string | undefined => {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

export interface ComplaintFormOptions {
  localizer: Localizer;
  submit: Submitter;
  origin: string;
}

/**
 * The public complaint form: checks with the shared schema before anything is sent, maps the
 * server's field errors back onto the same places, and on acceptance shows the reference and
 * the status link in place of the form.
 */
export const mountComplaintForm = (
  main: HTMLElement,
  { localizer, submit, origin }: ComplaintFormOptions,
): void => {
  const views = new Map<string, FieldView>();
  const fieldView = (spec: FieldSpec): FieldView => {
    const view = views.get(spec.id);
    if (view === undefined) throw new Error(`field ${spec.id} was not rendered`);
    return view;
  };
  const add = (spec: FieldSpec, markOptional?: boolean): HTMLElement => {
    const view = renderField(spec, localizer, markOptional === undefined ? {} : { markOptional });
    views.set(spec.id, view);
    return view.container;
  };
  const heading = (level: 'h1' | 'h2', id: string, key: MessageKey): HTMLElement => {
    const element = h(level, { id });
    localizer.text(element, key);
    return element;
  };
  const paragraph = (className: string, key: MessageKey, id?: string): HTMLElement => {
    const element = h('p', { class: className, id });
    localizer.text(element, key);
    return element;
  };

  // About you: the identity block disappears for an anonymous complaint, so nothing in it is sent.
  const contactError = h('p', { class: 'field-error', id: 'contact-error', hidden: true });
  const contactLegendText = h('span');
  localizer.text(contactLegendText, 'field.contact');
  const contactGroup = h(
    'fieldset',
    { class: 'field-group', id: 'contact', 'aria-describedby': 'contact-hint' },
    [
      h('legend', {}, [
        contactLegendText,
        h('span', { class: 'required-mark', 'aria-hidden': 'true' }, ['*']),
      ]),
      paragraph('hint', 'hint.contact', 'contact-hint'),
      contactError,
      ...contactFields.map((spec) => add(spec, false)),
    ],
  );
  const identity = h('div', { class: 'identity', id: 'identity' }, [add(nameField), contactGroup]);
  const aboutYou = h('section', { class: 'form-section', 'aria-labelledby': 'section-you' }, [
    heading('h2', 'section-you', 'section.you'),
    add(anonymousField),
    identity,
  ]);

  const yourComplaint = h('section', { class: 'form-section', 'aria-labelledby': 'section-complaint' }, [
    heading('h2', 'section-complaint', 'section.complaint'),
    ...complaintFields.map((spec) => add(spec)),
  ]);

  const priority = h('section', { class: 'form-section', 'aria-labelledby': 'section-priority' }, [
    heading('h2', 'section-priority', 'section.priority'),
    paragraph('hint', 'section.priorityHint'),
    ...priorityFields.map((spec) => add(spec)),
  ]);

  const alert = h('div', { class: 'form-alert', id: 'form-alert', role: 'alert' });
  const submitLabel = h('span');
  const submitButton = h('button', { type: 'submit', class: 'primary', id: 'submit' }, [submitLabel]);
  localizer.text(submitLabel, 'form.submit');

  const form = h('form', { id: 'complaint-form', novalidate: true, 'aria-labelledby': 'form-title' }, [
    aboutYou,
    yourComplaint,
    priority,
    h('div', { class: 'form-section form-final' }, [add(consentField), alert, submitButton]),
  ]);
  const formPanel = h('div', { class: 'form-panel' }, [
    heading('h1', 'form-title', 'form.title'),
    paragraph('lead', 'form.intro'),
    paragraph('required-note', 'form.requiredNote'),
    form,
  ]);
  main.replaceChildren(formPanel);

  const anonymousControl = fieldView(anonymousField).control;
  const isChecked = (spec: FieldSpec): boolean => {
    const control = fieldView(spec).control;
    return control instanceof HTMLInputElement && control.checked;
  };
  const textOf = (spec: FieldSpec): string => fieldView(spec).control.value;

  // ---- errors ----------------------------------------------------------------------------

  const setInvalid = (control: Element, errorId: string, invalid: boolean) => {
    if (invalid) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
    toggleIdReference(control, 'aria-describedby', errorId, invalid);
  };

  const showMessage = (element: HTMLElement, error: ShownError | undefined) => {
    element.hidden = error === undefined;
    localizer.bind(element, 'text', (language) => {
      element.textContent = error === undefined ? '' : messageOf(error, language);
    });
  };

  const showAlert = (lines: readonly AlertLine[]) => {
    localizer.bind(alert, 'text', (language) => {
      alert.replaceChildren(...lines.map((line) => h('p', {}, [translate(language, line.key, line.params)])));
    });
  };

  const showErrors = (errors: readonly ShownError[]) => {
    for (const view of views.values()) {
      const error = errors.find(
        (candidate) => candidate.target.kind === 'field' && candidate.target.field === view.spec,
      );
      showMessage(view.error, error);
      setInvalid(view.control, view.error.id, error !== undefined);
      view.container.classList.toggle('has-error', error !== undefined);
    }
    const contactProblem = errors.find((candidate) => candidate.target.kind === 'contact');
    showMessage(contactError, contactProblem);
    contactGroup.classList.toggle('has-error', contactProblem !== undefined);
    toggleIdReference(contactGroup, 'aria-describedby', contactError.id, contactProblem !== undefined);
    for (const spec of contactFields) {
      const control = fieldView(spec).control;
      // A contact field with its own error keeps it; the group error is added beside it.
      if (contactProblem !== undefined) control.setAttribute('aria-invalid', 'true');
      toggleIdReference(control, 'aria-describedby', contactError.id, contactProblem !== undefined);
    }

    const placed = errors.filter((error) => error.target.kind !== 'form');
    const lines: AlertLine[] = [];
    if (placed.length === 1) lines.push({ key: 'error.summaryOne' });
    if (placed.length > 1) lines.push({ key: 'error.summaryMany', params: { count: placed.length } });
    for (const error of errors.filter((candidate) => candidate.target.kind === 'form')) {
      lines.push({ key: error.key, params: error.params ?? {} });
    }
    showAlert(lines);

    const first = [...placed].sort(
      (a, b) => errorOrder(a.target, allFields) - errorOrder(b.target, allFields),
    )[0];
    if (first === undefined) return;
    const focusSpec = first.target.kind === 'field' ? first.target.field : contactFields[0];
    fieldView(focusSpec).control.focus();
  };

  // ---- values ----------------------------------------------------------------------------

  /** The submission as typed; the shared schema decides whether it is acceptable. */
  const collect = (): Record<string, unknown> => {
    const anonymous = isChecked(anonymousField);
    const [phone, email, customerId] = contactFields;
    const [branchCode, category, product, occurredAt, subject, description, desiredOutcome] = complaintFields;
    const [urgent, vulnerable] = priorityFields;
    return {
      customer: anonymous
        ? {}
        : {
            name: optionalText(textOf(nameField)),
            phone: optionalText(textOf(phone)),
            email: optionalText(textOf(email)),
            customerId: optionalText(textOf(customerId)),
          },
      anonymous,
      // Branch codes are capitals in the bank's records; a customer typing "sh-pd01" means the same one.
      branchCode: optionalText(textOf(branchCode))?.toUpperCase(),
      category: optionalText(textOf(category)),
      product: optionalText(textOf(product)),
      occurredAt: optionalText(textOf(occurredAt)),
      subject: textOf(subject),
      description: textOf(description),
      desiredOutcome: optionalText(textOf(desiredOutcome)),
      language: localizer.language,
      consent: isChecked(consentField),
      urgent: isChecked(urgent) ? true : undefined,
      vulnerable: isChecked(vulnerable) ? true : undefined,
    };
  };

  // ---- behaviour -------------------------------------------------------------------------

  anonymousControl.addEventListener('change', () => {
    identity.hidden = isChecked(anonymousField);
  });

  let busy = false;
  const setBusy = (value: boolean) => {
    busy = value;
    form.setAttribute('aria-busy', String(value));
    // aria-disabled rather than disabled: a disabled button would drop the keyboard focus.
    submitButton.setAttribute('aria-disabled', String(value));
    localizer.text(submitLabel, value ? 'form.submitting' : 'form.submit');
  };

  const showConfirmation = (reference: string, link: URL) => {
    const { panel, heading: confirmationHeading } = renderConfirmation(reference, link, localizer);
    // What the customer typed is personal data; it should not linger in a hidden form.
    form.reset();
    identity.hidden = false;
    for (const view of views.values()) view.control.dispatchEvent(new Event('input'));
    formPanel.hidden = true;
    main.append(panel);
    confirmationHeading.focus();
  };

  const send = async () => {
    const checked = checkSubmission(collect());
    if (!checked.ok) {
      showErrors(classifyFieldErrors(checked.errors));
      return;
    }
    showErrors([]);
    setBusy(true);
    let outcome: SubmitOutcome;
    try {
      outcome = await submit(checked.submission);
    } finally {
      setBusy(false);
    }
    if (outcome.kind === 'accepted') {
      showConfirmation(outcome.accepted.reference, statusLink(outcome.accepted, origin));
      return;
    }
    if (outcome.kind === 'invalid') {
      showErrors(classifyFieldErrors(outcome.fields));
      return;
    }
    showAlert([outcomeAlert(outcome)]);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    void send();
  });
};
