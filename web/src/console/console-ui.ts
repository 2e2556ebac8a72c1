/// <reference lib="dom" />

import { type Attributes, h } from '../ui/dom.js';
import type { ConsoleKey, ConsoleParams } from './console-dictionary.js';
import type { ConsoleLocalizer } from './console-localizer.js';

/** An element whose text is a console message, kept in the current language. */
export const tx = <Tag extends keyof HTMLElementTagNameMap>(
  localizer: ConsoleLocalizer,
  tag: Tag,
  key: ConsoleKey,
  attributes: Attributes = {},
  params?: ConsoleParams,
): HTMLElementTagNameMap[Tag] => {
  const element = h(tag, attributes);
  localizer.text(element, key, params);
  return element;
};

/** An element showing an API value through a label table (status, channel, ...), raw when unknown. */
export const labelled = <Tag extends keyof HTMLElementTagNameMap>(
  localizer: ConsoleLocalizer,
  tag: Tag,
  prefix: string,
  value: string,
  attributes: Attributes = {},
): HTMLElementTagNameMap[Tag] => {
  const element = h(tag, attributes);
  localizer.bind(element, 'label', () => {
    element.textContent = localizer.label(prefix, value);
  });
  return element;
};

let nextId = 0;
/** Ids for label/control pairs; unique within the page, stable for its lifetime. */
export const uniqueId = (prefix: string): string => {
  nextId += 1;
  return `${prefix}-${nextId}`;
};

export interface Option {
  value: string;
  /** A message key, or a fixed text (codes such as branch codes need no translation). */
  key?: ConsoleKey;
  text?: string;
}

export const selectControl = (
  localizer: ConsoleLocalizer,
  id: string,
  name: string,
  options: readonly Option[],
  selected = '',
): HTMLSelectElement => {
  const select = h('select', { id, name });
  for (const option of options) {
    const element = h('option', { value: option.value, selected: option.value === selected });
    if (option.key !== undefined) localizer.text(element, option.key);
    else element.textContent = option.text ?? option.value;
    select.append(element);
  }
  return select;
};

/** A labelled form field wrapper with the public form's classes. */
export const field = (
  localizer: ConsoleLocalizer,
  labelKey: ConsoleKey,
  control: HTMLElement,
  optional = false,
): HTMLElement => {
  const label = h('label', { for: control.id });
  const text = h('span');
  localizer.text(text, labelKey);
  label.append(text);
  if (optional) label.append(' ', tx(localizer, 'span', 'field.optional', { class: 'optional-mark' }));
  return h('div', { class: 'field' }, [label, control]);
};

export const checkboxField = (
  localizer: ConsoleLocalizer,
  labelKey: ConsoleKey,
  input: HTMLInputElement,
): HTMLElement =>
  h('div', { class: 'field field-checkbox' }, [
    h('div', { class: 'checkbox-row' }, [input, tx(localizer, 'label', labelKey, { for: input.id })]),
  ]);
