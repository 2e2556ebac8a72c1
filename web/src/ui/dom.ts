/// <reference lib="dom" />

export type Attributes = Readonly<Record<string, string | boolean | undefined>>;

/**
 * Builds an element from attributes and children. Strings become text nodes, so anything a
 * customer wrote is displayed as written and can never turn into markup.
 */
export const h = <Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  attributes: Attributes = {},
  children: ReadonlyArray<Node | string> = [],
): HTMLElementTagNameMap[Tag] => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
};

/** Adds or removes one id in a space-separated id list such as aria-describedby. */
export const toggleIdReference = (
  element: Element,
  attribute: string,
  id: string,
  present: boolean,
): void => {
  const ids = (element.getAttribute(attribute) ?? '')
    .split(/\s+/)
    .filter((value) => value !== '' && value !== id);
  if (present) ids.push(id);
  if (ids.length === 0) element.removeAttribute(attribute);
  else element.setAttribute(attribute, ids.join(' '));
};

export const requireElement = <T extends Element>(
  root: ParentNode,
  selector: string,
  type: new () => T,
): T => {
  const found = root.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`page element ${selector} is missing`);
  return found;
};
