/** Bank-wide intake defaults; a deployment overrides them through its environment. */
export interface IntakeSettings {
  /** IANA zone of the bank: references, e-mails and reports use its dates. */
  timeZone: string;
  defaultClockPolicyId: string;
  defaultCalendarId: string;
  /** Where customers open their status page, e.g. https://complaints.bank.example */
  publicBaseUrl: string;
}

export const defaultIntakeSettings: IntakeSettings = {
  timeZone: 'Asia/Shanghai',
  defaultClockPolicyId: 'cn-2020',
  defaultCalendarId: 'cn-mainland',
  publicBaseUrl: 'http://127.0.0.1:3000',
};

export const statusPath = (reference: string, token: string): string =>
  `/status/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}`;
