import type { ComplaintCase } from '../case/case-types.js';

/**
 * May the bank write to the case's customer address? Only when there is one and nothing says it
 * may be someone else's: a case opened by mail that failed authentication gets no mail at all
 * (an acknowledgement there would be the bank's name on a forger's message to a stranger).
 */
export const mayMailCustomer = (c: Pick<ComplaintCase, 'customer' | 'flags'>): boolean =>
  c.customer.email !== undefined && !(c.flags ?? []).includes('sender_unverified');
