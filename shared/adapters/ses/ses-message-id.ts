/**
 * SES replaces the Message-ID of every mail it sends with one built from the id its send call
 * returns; replies quote that header in In-Reply-To, so it is what we remember per case.
 * us-east-1 uses `email.amazonses.com`, other regions `<region>.amazonses.com`.
 */
export const sesMessageIdHeader = (messageId: string, region: string): string =>
  `${messageId}@${region === 'us-east-1' ? 'email' : region}.amazonses.com`;
