/// <reference lib="dom" />

import { type Category, categories } from '../../../shared/domain/case/case-types.js';
import { type MessageKey, translate } from '../i18n/dictionary.js';
import { h, toggleIdReference } from '../ui/dom.js';
import type { Localizer } from '../ui/localizer.js';
import type { FieldSpec } from './form-fields.js';

export type FormControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export interface FieldView {
  spec: FieldSpec;
  control: FormControl;
  container: HTMLElement;
  error: HTMLElement;
}

const categoryGroups: ReadonlyArray<{ label: MessageKey; matches: (category: Category) => boolean }> = [
  { label: 'categoryGroup.service', matches: (category) => category.startsWith('service_') },
  { label: 'categoryGroup.operation', matches: (category) => category.startsWith('operation_') },
  {
    label: 'categoryGroup.other',
    matches: (category) => !category.startsWith('service_') && !category.startsWith('operation_'),
  },
];

/** Groups follow DESIGN.md's headings; every value comes from the domain list, so none is missed. */
const categorySelect = (spec: FieldSpec, localizer: Localizer): HTMLSelectElement => {
  const select = h('select', { id: spec.id, name: spec.id });
  const placeholder = h('option', { value: '' });
  localizer.text(placeholder, 'category.placeholder');
  select.append(placeholder);
  for (const group of categoryGroups) {
    const optgroup = h('optgroup');
    localizer.attribute(optgroup, 'label', group.label);
    for (const category of categories.filter(group.matches)) {
      const option = h('option', { value: category });
      localizer.text(option, `category.${category}`);
      optgroup.append(option);
    }
    select.append(optgroup);
  }
  return select;
};

const createControl = (spec: FieldSpec, localizer: Localizer): FormControl => {
  const common = {
    id: spec.id,
    name: spec.id,
    autocomplete: spec.autocomplete,
    // aria-required, not required: the browser's own bubbles would speak neither language of ours.
    'aria-required': spec.required === true ? 'true' : undefined,
  };
  switch (spec.control) {
    case 'textarea':
      return h('textarea', { ...common, rows: spec.id === 'description' ? '8' : '4' });
    case 'select':
      return categorySelect(spec, localizer);
    case 'checkbox':
      return h('input', { ...common, type: 'checkbox' });
    case 'email':
      return h('input', { ...common, type: 'email', inputmode: 'email', spellcheck: 'false' });
    case 'tel':
      return h('input', { ...common, type: 'tel', inputmode: 'tel' });
    case 'date':
      return h('input', { ...common, type: 'date' });
    case 'text':
      return h('input', { ...common, type: 'text' });
  }
};

const labelFor = (spec: FieldSpec, localizer: Localizer, markOptional: boolean): HTMLLabelElement => {
  const text = h('span');
  localizer.text(text, spec.label);
  const label = h('label', { for: spec.id }, [text]);
  if (spec.required === true) {
    // The star is decoration; aria-required already tells assistive technology.
    label.append(h('span', { class: 'required-mark', 'aria-hidden': 'true' }, ['*']));
  } else if (markOptional) {
    const optional = h('span', { class: 'optional-mark' });
    localizer.text(optional, 'form.optional');
    label.append(optional);
  }
  return label;
};

/** Counts as the schema does: trimmed, in UTF-16 units, so "over the limit" here means rejected there. */
const attachCounter = (
  control: HTMLInputElement | HTMLTextAreaElement,
  max: number,
  localizer: Localizer,
): HTMLElement => {
  const counter = h('p', { class: 'counter', id: `${control.id}-counter` });
  const update = () => {
    const count = control.value.trim().length;
    const over = count - max;
    counter.classList.toggle('counter-over', over > 0);
    localizer.bind(counter, 'text', (language) => {
      const number = (value: number) => value.toLocaleString(language);
      counter.textContent =
        over > 0
          ? translate(language, 'form.counterOver', { over: number(over) })
          : translate(language, 'form.counter', { count: number(count), max: number(max) });
    });
  };
  control.addEventListener('input', update);
  update();
  return counter;
};

export interface FieldOptions {
  /** Contact fields are each optional but together required, so they carry no "(optional)". */
  markOptional?: boolean;
}

export const renderField = (spec: FieldSpec, localizer: Localizer, options: FieldOptions = {}): FieldView => {
  const control = createControl(spec, localizer);
  const error = h('p', { class: 'field-error', id: `${spec.id}-error`, hidden: true });
  const hint = spec.hint === undefined ? undefined : h('p', { class: 'hint', id: `${spec.id}-hint` });
  if (hint !== undefined && spec.hint !== undefined) {
    localizer.text(hint, spec.hint);
    toggleIdReference(control, 'aria-describedby', hint.id, true);
  }

  if (spec.control === 'checkbox') {
    const label = labelFor(spec, localizer, false);
    const row = h('div', { class: 'checkbox-row' }, [control, label]);
    const container = h('div', { class: 'field field-checkbox', 'data-field': spec.id }, [error, row]);
    if (hint !== undefined) container.append(hint);
    return { spec, control, container, error };
  }

  const markOptional = options.markOptional ?? spec.required !== true;
  const container = h('div', { class: 'field', 'data-field': spec.id }, [
    labelFor(spec, localizer, markOptional),
  ]);
  if (hint !== undefined) container.append(hint);
  container.append(error, control);
  if (spec.counter === true && spec.maxLength !== undefined && !(control instanceof HTMLSelectElement)) {
    const counter = attachCounter(control, spec.maxLength, localizer);
    toggleIdReference(control, 'aria-describedby', counter.id, true);
    container.append(counter);
  }
  return { spec, control, container, error };
};
