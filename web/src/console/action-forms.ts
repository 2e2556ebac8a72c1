/// <reference lib="dom" />

import type { StaffCase } from '../../../shared/schemas/staff-case-response-schema.js';
import { h } from '../ui/dom.js';
import type { StaffApi } from './console-api.js';
import type { ConsoleKey } from './console-dictionary.js';
import type { ConsoleLocalizer } from './console-localizer.js';
import { field, type Option, selectControl, tx } from './console-ui.js';

interface FieldSpec {
  name: string;
  label: ConsoleKey;
  kind: 'text' | 'textarea' | 'select';
  required?: boolean;
  options?: readonly Option[];
}

interface ActionSpec {
  type: string;
  label: ConsoleKey;
  fields: readonly FieldSpec[];
}

const reason = (required: boolean): FieldSpec => ({
  name: 'reason',
  label: 'field.reason',
  kind: 'textarea',
  required,
});

const decisionOptions: readonly Option[] = [
  { value: 'upheld', key: 'decision.upheld' },
  { value: 'partly_upheld', key: 'decision.partly_upheld' },
  { value: 'rejected', key: 'decision.rejected' },
];
const atFaultOptions: readonly Option[] = [
  { value: 'yes', key: 'atFault.yes' },
  { value: 'no', key: 'atFault.no' },
  { value: 'undetermined', key: 'atFault.undetermined' },
];
const decisionField: FieldSpec = {
  name: 'decision',
  label: 'field.decision',
  kind: 'select',
  required: true,
  options: decisionOptions,
};
const atFaultField: FieldSpec = {
  name: 'atFault',
  label: 'field.atFault',
  kind: 'select',
  required: true,
  options: atFaultOptions,
};

/** Every staff action of the contract with the fields it takes, in the order a case usually runs. */
export const actionSpecs: readonly ActionSpec[] = [
  {
    type: 'acknowledge',
    label: 'action.acknowledge',
    fields: [
      {
        name: 'via',
        label: 'field.via',
        kind: 'select',
        options: [
          { value: '', key: 'field.optional' },
          ...(['email', 'phone', 'letter', 'in_person', 'sms'] as const).map((value) => ({
            value,
            key: `via.${value}` as const,
          })),
        ],
      },
    ],
  },
  {
    type: 'assign',
    label: 'action.assign',
    fields: [{ name: 'to', label: 'field.to', kind: 'text', required: true }],
  },
  {
    type: 'transfer',
    label: 'action.transfer',
    fields: [
      { name: 'to', label: 'field.to', kind: 'text', required: true },
      { name: 'note', label: 'field.note', kind: 'textarea', required: true },
      { name: 'handler', label: 'field.handler', kind: 'text' },
    ],
  },
  {
    type: 'note',
    label: 'action.note',
    fields: [{ name: 'text', label: 'field.text', kind: 'textarea', required: true }],
  },
  {
    type: 'request_info',
    label: 'action.request_info',
    fields: [{ name: 'text', label: 'field.text', kind: 'textarea', required: true }],
  },
  { type: 'pause', label: 'action.pause', fields: [reason(true)] },
  { type: 'resume', label: 'action.resume', fields: [reason(false)] },
  // Who asked and who approves are the case's handler and the signed-in person; the form names neither.
  { type: 'extend', label: 'action.extend', fields: [reason(true)] },
  {
    type: 'escalate',
    label: 'action.escalate',
    fields: [
      {
        name: 'level',
        label: 'field.level',
        kind: 'select',
        required: true,
        options: [
          { value: '1', key: 'level.1' },
          { value: '2', key: 'level.2' },
          { value: '3', key: 'level.3' },
          { value: '4', key: 'level.4' },
        ],
      },
      reason(true),
    ],
  },
  {
    type: 'resolve',
    label: 'action.resolve',
    fields: [
      decisionField,
      atFaultField,
      { name: 'remedy', label: 'field.remedy', kind: 'textarea' },
      { name: 'amount', label: 'field.amount', kind: 'text' },
      { name: 'currency', label: 'field.currency', kind: 'text' },
      { name: 'letter', label: 'field.letter', kind: 'textarea' },
    ],
  },
  {
    type: 'reopen',
    label: 'action.reopen',
    fields: [reason(true), { name: 'leader', label: 'field.leader', kind: 'text' }],
  },
  { type: 'request_review', label: 'action.request_review', fields: [reason(true)] },
  {
    type: 'decide_review',
    label: 'action.decide_review',
    fields: [
      {
        name: 'outcome',
        label: 'field.outcome',
        kind: 'select',
        required: true,
        options: [
          { value: 'confirmed', key: 'outcome.confirmed' },
          { value: 'revised', key: 'outcome.revised' },
        ],
      },
      {
        ...decisionField,
        required: false,
        options: [{ value: '', key: 'field.optional' }, ...decisionOptions],
      },
      {
        ...atFaultField,
        required: false,
        options: [{ value: '', key: 'field.optional' }, ...atFaultOptions],
      },
      { name: 'remedy', label: 'field.remedy', kind: 'textarea' },
      { name: 'amount', label: 'field.amount', kind: 'text' },
      { name: 'currency', label: 'field.currency', kind: 'text' },
      { name: 'letter', label: 'field.reviewLetter', kind: 'textarea', required: true },
    ],
  },
  {
    type: 'close',
    label: 'action.close',
    fields: [{ name: 'note', label: 'field.closingNote', kind: 'textarea' }],
  },
  {
    type: 'merge',
    label: 'action.merge',
    fields: [{ name: 'into', label: 'field.into', kind: 'text', required: true }],
  },
  { type: 'withdraw', label: 'action.withdraw', fields: [reason(false)] },
];

/**
 * The request body for one action: empty optional fields are left out, the escalation level is a
 * number, and an amount becomes the compensation object (in yuan unless another currency is given).
 */
export const actionBody = (
  type: string,
  values: Readonly<Record<string, string>>,
  expectedVersion: number | undefined,
): Record<string, unknown> => {
  const body: Record<string, unknown> = { type };
  if (expectedVersion !== undefined) body.expectedVersion = expectedVersion;
  for (const [name, raw] of Object.entries(values)) {
    const value = raw.trim();
    if (value === '' || name === 'amount' || name === 'currency') continue;
    body[name] = name === 'level' ? Number(value) : value;
  }
  const amount = values.amount?.trim() ?? '';
  if (amount !== '') body.compensation = { amount, currency: values.currency?.trim() || 'CNY' };
  return body;
};

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const control = (localizer: ConsoleLocalizer, type: string, spec: FieldSpec): Control => {
  const id = `action-${type}-${spec.name}`;
  if (spec.kind === 'select') return selectControl(localizer, id, spec.name, spec.options ?? []);
  const attributes = { id, name: spec.name, required: spec.required === true };
  if (spec.kind === 'textarea') return h('textarea', { ...attributes, rows: '3' });
  return h('input', { ...attributes, type: 'text', value: spec.name === 'currency' ? 'CNY' : undefined });
};

/**
 * One collapsible form per action. The API's refusal (an illegal move, a stale version, a field
 * it rejects) is shown inside the form that caused it; success hands over to `onDone`.
 */
export const renderActionForms = (
  localizer: ConsoleLocalizer,
  api: StaffApi,
  item: Pick<StaffCase, 'reference' | 'version'>,
  onDone: () => void,
): HTMLElement => {
  const container = h('div', { class: 'actions', id: 'actions' });
  for (const spec of actionSpecs) {
    const controls = spec.fields.map((fieldSpec) => ({
      spec: fieldSpec,
      element: control(localizer, spec.type, fieldSpec),
    }));
    const alert = h('div', { class: 'form-alert', role: 'alert', id: `action-${spec.type}-alert` });
    const submit = tx(localizer, 'button', 'action.submit', {
      type: 'submit',
      class: 'primary',
      id: `action-${spec.type}-submit`,
    });
    const form = h('form', { class: 'action-form', 'data-action': spec.type, novalidate: true }, [
      alert,
      ...controls.map(({ spec: fieldSpec, element }) =>
        field(localizer, fieldSpec.label, element, fieldSpec.required !== true),
      ),
      submit,
    ]);
    let busy = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (busy) return;
      const missing = controls.find(
        ({ spec: fieldSpec, element }) => fieldSpec.required === true && element.value.trim() === '',
      );
      if (missing !== undefined) {
        missing.element.setAttribute('aria-invalid', 'true');
        missing.element.focus();
        return;
      }
      const values = Object.fromEntries(
        controls.map(({ spec: fieldSpec, element }) => [fieldSpec.name, element.value]),
      );
      busy = true;
      submit.setAttribute('aria-disabled', 'true');
      localizer.text(submit, 'action.sending');
      localizer.bind(alert, 'text', () => {
        alert.textContent = '';
      });
      void api.act(item.reference, actionBody(spec.type, values, item.version)).then((result) => {
        busy = false;
        submit.removeAttribute('aria-disabled');
        localizer.text(submit, 'action.submit');
        if (result.kind === 'ok') {
          onDone();
          return;
        }
        if (result.kind === 'refused') {
          const detail = [
            result.message,
            ...result.fields.map((entry) => `${entry.path}: ${entry.message}`),
          ].join(' ');
          // The API's own words, as text: it may quote what someone typed.
          localizer.text(alert, 'action.refused', { detail });
        } else if (result.kind === 'forbidden') localizer.text(alert, 'action.forbidden');
        else localizer.text(alert, 'action.failed');
        alert.focus();
      });
    });
    alert.setAttribute('tabindex', '-1');
    container.append(
      h('details', { class: 'action', id: `action-${spec.type}` }, [
        tx(localizer, 'summary', spec.label, { id: `action-${spec.type}-toggle` }),
        form,
      ]),
    );
  }
  return container;
};
