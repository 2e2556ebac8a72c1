/**
 * Raised when a template is handed data it must not render: an unusable URL, time, zone or
 * reference. These are programming or configuration faults, so failing loudly beats sending
 * a customer a message that is wrong or unsafe.
 */
export class TemplateInputError extends Error {
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(`Template input "${field}" ${detail}`);
    this.name = 'TemplateInputError';
  }
}
