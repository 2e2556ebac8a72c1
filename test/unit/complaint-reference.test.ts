import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  complaintReferenceAlphabet,
  complaintReferenceSchema,
  findReferencesIn,
  isComplaintReference,
  newComplaintReference,
} from '../../shared/domain/intake/complaint-reference.js';
import { HttpProblem } from '../../shared/http/http-problem.js';
import { intakeMessageSchema } from '../../shared/schemas/intake-message-schema.js';
import { slaStepInputSchema } from '../../shared/schemas/sla-step-schema.js';
import { referencePathParameter } from '../../shared/schemas/staff-request.js';
import { statusRequestFrom } from '../../web/src/api/status-api.js';
import { apiEvent } from '../support/intake-fixtures.js';

const receivedAt = new Date('2026-11-23T02:00:00Z');
const issued = () => newComplaintReference(receivedAt, 'Asia/Shanghai', randomBytes);

/** Characters a customer could misread or mistype: none may appear in a reference. */
const lookAlikes = ['0', 'O', '1', 'I', 'L', 'U'];

const caseRoute = (reference: string) =>
  apiEvent({
    method: 'GET',
    resource: '/api/cases/{reference}',
    path: `/api/cases/${encodeURIComponent(reference)}`,
    pathParameters: { reference },
  });

describe('complaint references', () => {
  it('are issued as RD-<date in the bank zone>-<six characters without look-alikes>', () => {
    const reference = newComplaintReference(
      new Date('2026-11-22T17:30:00Z'),
      'Asia/Shanghai',
      (count) => new Uint8Array(count),
    );
    // 01:30 the next day in Beijing; byte 0 is the alphabet's first character.
    expect(reference).toBe('RD-20261123-222222');
    expect(complaintReferenceAlphabet.split('').filter((c) => lookAlikes.includes(c))).toEqual([]);
  });

  it('every issued reference passes every check that reads one', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 12, maxLength: 12 }), (bytes) => {
        let offered = false;
        const reference = newComplaintReference(receivedAt, 'Asia/Shanghai', (count) => {
          // The fixed bytes first, then fresh ones should rejection sampling need more.
          const next = offered ? randomBytes(count) : bytes.slice(0, count);
          offered = true;
          return next;
        });
        expect(isComplaintReference(reference)).toBe(true);
        expect(complaintReferenceSchema.safeParse(reference).success).toBe(true);
        expect(intakeMessageSchema.safeParse({ reference }).success).toBe(true);
        expect(
          slaStepInputSchema.safeParse({ reference, generation: 1, wakeAt: '2026-11-24T00:00:00.000Z' })
            .success,
        ).toBe(true);
        expect(findReferencesIn(`Re: [${reference}] refund`)).toEqual([reference]);
      }),
    );
  });

  it('refuses a look-alike character everywhere a reference is read', () => {
    const good = issued();
    for (const character of lookAlikes) {
      const bad = `${good.slice(0, -1)}${character}`;
      expect(complaintReferenceSchema.safeParse(bad).success, bad).toBe(false);
      expect(intakeMessageSchema.safeParse({ reference: bad }).success, bad).toBe(false);
      expect(
        slaStepInputSchema.safeParse({ reference: bad, generation: 1, wakeAt: '2026-11-24T00:00:00.000Z' })
          .success,
        bad,
      ).toBe(false);
      expect(findReferencesIn(`about ${bad} again`), bad).toEqual([]);
    }
  });

  it('tells which field is wrong when a reference is malformed', () => {
    const parsed = complaintReferenceSchema.safeParse('RD-2026-000123');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('RD-20261123-7K3QX9');
  });

  it('are found in free text as typed, upper-cased, once each, in order', () => {
    expect(findReferencesIn('rd-20261105-m4pt8w, then RD-20261101-7K3QX9 and RD-20261105-M4PT8W')).toEqual([
      'RD-20261105-M4PT8W',
      'RD-20261101-7K3QX9',
    ]);
    expect(findReferencesIn('XRD-20261101-7K3QX9 RD-20261101-7K3QX9A RD-2026110-7K3QX9')).toEqual([]);
  });

  it('a case route answers 404 for a path that cannot be a reference, without looking it up', () => {
    const good = issued();
    expect(referencePathParameter(caseRoute(good))).toBe(good);
    for (const bad of ['CMP-12345', `${good}X`, good.toLowerCase(), '../etc']) {
      const refusal = (() => {
        try {
          referencePathParameter(caseRoute(bad));
          return undefined;
        } catch (error) {
          return error;
        }
      })();
      expect(refusal, bad).toBeInstanceOf(HttpProblem);
      expect(refusal, bad).toMatchObject({ status: 404, code: 'not_found' });
    }
  });

  it('the status page asks the API only about an address that can name a complaint', () => {
    const good = issued();
    expect(statusRequestFrom(`/status/${good}`, '?token=t0k')).toEqual({ reference: good, token: 't0k' });
    expect(statusRequestFrom(`/status/${encodeURIComponent(good)}/`, '?token=t0k')).toEqual({
      reference: good,
      token: 't0k',
    });
    expect(statusRequestFrom('/status/RD-20261123-0OIL1U', '?token=t0k')).toBeUndefined();
    expect(statusRequestFrom('/status/%E0%A4%A', '?token=t0k')).toBeUndefined();
    expect(statusRequestFrom(`/status/${good}`, '')).toBeUndefined();
  });
});
