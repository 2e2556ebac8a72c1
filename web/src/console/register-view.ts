/// <reference lib="dom" />

import { languages } from '../../../shared/domain/case/case-types.js';
import { randomIdempotencyKey } from '../api/submit-complaint.js';
import { h } from '../ui/dom.js';
import { beijingInputValue, isoFromBeijingInput } from './beijing-input.js';
import { sampleBranches } from './case-list-view.js';
import type { Failure, StaffApi } from './console-api.js';
import type { ConsoleLocalizer } from './console-localizer.js';
import { checkboxField, field, selectControl, tx } from './console-ui.js';

/** The channels a complaint taken by staff can arrive through (web, app and e-mail arrive by themselves). */
export const staffChannels = [
  'hotline',
  'walk_in',
  'letter',
  'suggestion_box',
  'media',
  'regulator_transfer',
  'branch_transfer',
] as const;

const trimmedOrUndefined = (value: string): string | undefined => {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

/** The staff registration form; on success the new case's page opens. */
export const renderRegister = (
  main: HTMLElement,
  localizer: ConsoleLocalizer,
  api: StaffApi,
  onRegistered: (reference: string) => void,
  onFailure: (failure: Failure) => void,
  defaultBranch: string | undefined,
): void => {
  const channel = selectControl(
    localizer,
    'register-channel',
    'channel',
    staffChannels.map((value) => ({ value, key: `channel.${value}` as const })),
    'hotline',
  );
  const receivedAt = h('input', {
    type: 'datetime-local',
    id: 'register-received-at',
    name: 'receivedAt',
    value: beijingInputValue(new Date()),
  });
  const externalReference = h('input', { type: 'text', id: 'register-external-reference' });
  const anonymous = h('input', { type: 'checkbox', id: 'register-anonymous' });
  const name = h('input', { type: 'text', id: 'register-name', autocomplete: 'off' });
  const phone = h('input', { type: 'tel', id: 'register-phone', autocomplete: 'off' });
  const email = h('input', { type: 'email', id: 'register-email', autocomplete: 'off' });
  const customerId = h('input', { type: 'text', id: 'register-customer-id', autocomplete: 'off' });
  const language = selectControl(
    localizer,
    'register-language',
    'language',
    languages.map((value) => ({ value, key: `lang.${value}` as const })),
    localizer.language,
  );
  const branch = h('input', {
    type: 'text',
    id: 'register-branch',
    list: 'register-branches',
    value: defaultBranch,
  });
  const branches = h(
    'datalist',
    { id: 'register-branches' },
    sampleBranches.map((value) => h('option', { value })),
  );
  const subject = h('input', { type: 'text', id: 'register-subject', required: true });
  const description = h('textarea', { id: 'register-description', rows: '5', required: true });
  const urgent = h('input', { type: 'checkbox', id: 'register-urgent' });
  const vulnerable = h('input', { type: 'checkbox', id: 'register-vulnerable' });
  const consent = h('input', { type: 'checkbox', id: 'register-consent', checked: true });
  const alert = h('div', { class: 'form-alert', role: 'alert', id: 'register-alert', tabindex: '-1' });
  const submit = tx(localizer, 'button', 'register.submit', {
    type: 'submit',
    class: 'primary',
    id: 'register-submit',
  });

  const form = h('form', { class: 'register-form', novalidate: true }, [
    alert,
    field(localizer, 'register.channel', channel),
    field(localizer, 'register.receivedAt', receivedAt),
    field(localizer, 'register.externalReference', externalReference, true),
    checkboxField(localizer, 'register.anonymous', anonymous),
    field(localizer, 'register.name', name),
    field(localizer, 'register.phone', phone, true),
    field(localizer, 'register.email', email, true),
    field(localizer, 'register.customerId', customerId, true),
    field(localizer, 'register.language', language),
    h('div', {}, [field(localizer, 'register.branch', branch, true), branches]),
    field(localizer, 'register.subject', subject),
    field(localizer, 'register.description', description),
    checkboxField(localizer, 'register.urgent', urgent),
    checkboxField(localizer, 'register.vulnerable', vulnerable),
    checkboxField(localizer, 'register.consent', consent),
    submit,
  ]);

  // One key per complaint: a retry after a failed attempt must not register it twice.
  let attempt: { body: string; key: string } | undefined;
  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const received = isoFromBeijingInput(receivedAt.value);
    if (received === undefined) {
      localizer.text(alert, 'register.receivedAtInvalid');
      alert.focus();
      return;
    }
    const customer = {
      name: trimmedOrUndefined(name.value),
      phone: trimmedOrUndefined(phone.value),
      email: trimmedOrUndefined(email.value),
      customerId: trimmedOrUndefined(customerId.value),
    };
    const body = {
      channel: channel.value,
      receivedAt: received,
      externalReference: trimmedOrUndefined(externalReference.value),
      anonymous: anonymous.checked,
      customer: anonymous.checked ? {} : customer,
      language: language.value,
      branchCode: trimmedOrUndefined(branch.value.toUpperCase()),
      subject: subject.value.trim(),
      description: description.value.trim(),
      consent: consent.checked,
      ...(urgent.checked ? { urgent: true } : {}),
      ...(vulnerable.checked ? { vulnerable: true } : {}),
    };
    const serialized = JSON.stringify(body);
    const key = attempt?.body === serialized ? attempt.key : randomIdempotencyKey();
    attempt = { body: serialized, key };
    busy = true;
    submit.setAttribute('aria-disabled', 'true');
    void api.registerCase(body, key).then((result) => {
      busy = false;
      submit.removeAttribute('aria-disabled');
      if (result.kind === 'ok') {
        onRegistered(result.value.reference);
        return;
      }
      if (result.kind === 'refused') {
        attempt = undefined;
        const detail = [
          result.message,
          ...result.fields.map((entry) => `${entry.path}: ${entry.message}`),
        ].join(' ');
        localizer.text(alert, 'register.invalid', { detail });
      } else {
        onFailure(result);
        localizer.text(alert, 'register.failed', { detail: result.kind });
      }
      alert.focus();
    });
  });

  main.replaceChildren(
    tx(localizer, 'h1', 'register.title', { tabindex: '-1' }),
    tx(localizer, 'p', 'register.intro', { class: 'lead' }),
    form,
  );
};
