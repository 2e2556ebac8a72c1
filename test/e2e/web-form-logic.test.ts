import { describe, expect, it } from 'vitest';
import { createSubmitter } from '../../web/src/api/submit-complaint.js';
import { checkSubmission } from '../../web/src/form/check-submission.js';
import { classifyFieldError } from '../../web/src/form/field-errors.js';
import { statusLink } from '../../web/src/form/status-link.js';

const valid = {
  customer: { name: 'Wang Fang', email: 'wang@example.com' },
  anonymous: false,
  subject: 'Fee',
  description: 'A fee nobody explained.',
  language: 'en',
  consent: true,
};

describe('checking a submission in the browser', () => {
  it('passes a valid complaint through the shared schema', () => {
    const result = checkSubmission(valid);
    expect(result.ok).toBe(true);
  });

  it('reports the missing contact in the same round as a missing consent', () => {
    const result = checkSubmission({
      ...valid,
      customer: { name: 'Wang Fang' },
      consent: false,
      subject: '',
    });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['consent', 'subject', 'customer.email']));
  });

  it('does not invent a missing contact when a contact was given but is malformed', () => {
    const result = checkSubmission({
      ...valid,
      customer: { name: 'Wang Fang', phone: 'call me' },
      consent: false,
    });
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((error) => error.path).sort()).toEqual(['consent', 'customer.phone']);
  });
});

describe('placing field errors', () => {
  it('maps the schema’s messages to the field and a translated message', () => {
    expect(classifyFieldError({ path: 'subject', message: 'is required' })).toMatchObject({
      target: { kind: 'field', field: { id: 'subject' } },
      key: 'error.subjectRequired',
    });
    expect(
      classifyFieldError({
        path: 'customer.email',
        message: 'give at least one contact (email, phone or customerId)',
      }),
    ).toMatchObject({ target: { kind: 'contact' }, key: 'error.contactMissing' });
    expect(
      classifyFieldError({ path: 'description', message: 'must be at most 10000 characters' }),
    ).toMatchObject({
      key: 'error.tooLong',
      params: { max: 10000 },
    });
    expect(classifyFieldError({ path: 'customer.phone', message: 'must be a phone number' })).toMatchObject({
      key: 'error.phoneInvalid',
    });
  });

  it('keeps a server-only message on its field and an unknown path above the form', () => {
    expect(classifyFieldError({ path: 'branchCode', message: 'is not a branch we know' })).toMatchObject({
      target: { kind: 'field', field: { id: 'branch-code' } },
      key: 'error.fieldServer',
      params: { detail: 'is not a branch we know' },
    });
    expect(classifyFieldError({ path: '(body)', message: 'is not JSON' }).target).toEqual({ kind: 'form' });
  });
});

describe('the status link shown after submission', () => {
  const accepted = {
    reference: 'RD-20261123-7K3QX9',
    trackingToken: 'secret-token',
    status: 'received' as const,
    statusUrl: '/status/RD-20261123-7K3QX9?token=secret-token',
  };

  it('uses the API’s link on our own status page', () => {
    expect(statusLink(accepted, 'https://bank.example').href).toBe(
      'https://bank.example/status/RD-20261123-7K3QX9?token=secret-token',
    );
  });

  it('never links elsewhere, whatever the response says', () => {
    for (const statusUrl of ['https://evil.example/status/x?token=t', 'javascript:alert(1)', '/elsewhere']) {
      expect(statusLink({ ...accepted, statusUrl }, 'https://bank.example').href).toBe(
        'https://bank.example/status/RD-20261123-7K3QX9?token=secret-token',
      );
    }
  });
});

describe('sending with an idempotency key', () => {
  const submission = {
    customer: { name: 'Wang Fang', email: 'wang@example.com' },
    anonymous: false,
    subject: 'Fee',
    description: 'A fee nobody explained.',
    language: 'en' as const,
    consent: true as const,
  };
  const acceptedBody = JSON.stringify({
    reference: 'RD-20261123-000001',
    trackingToken: 't',
    status: 'received',
    statusUrl: '/status/RD-20261123-000001?token=t',
  });

  const scripted = (answers: Array<() => Response>) => {
    const keys: string[] = [];
    let counter = 0;
    const submit = createSubmitter({
      newKey: () => {
        counter += 1;
        return `key-${counter}`;
      },
      fetcher: async (_input, init) => {
        keys.push(new Headers(init?.headers).get('idempotency-key') ?? '');
        const answer = answers.shift();
        if (answer === undefined) throw new TypeError('network down');
        return answer();
      },
    });
    return { submit, keys };
  };

  it('reuses the key when the same complaint is retried after a network failure', async () => {
    const { submit, keys } = scripted([]);
    expect((await submit(submission)).kind).toBe('network_error');
    expect((await submit(submission)).kind).toBe('network_error');
    expect(keys).toEqual(['key-1', 'key-1']);
  });

  it('uses a fresh key once the complaint changes or was answered', async () => {
    const { submit, keys } = scripted([
      () => new Response('oops', { status: 503 }),
      () => new Response(acceptedBody, { status: 202 }),
      () => new Response(acceptedBody, { status: 202 }),
    ]);
    expect((await submit(submission)).kind).toBe('server_error');
    expect((await submit({ ...submission, subject: 'Fee, again' })).kind).toBe('accepted');
    expect((await submit({ ...submission, subject: 'Fee, again' })).kind).toBe('accepted');
    expect(keys).toEqual(['key-1', 'key-2', 'key-3']);
  });

  it('reads field errors from a 400 and refuses a success it cannot parse', async () => {
    const { submit } = scripted([
      () =>
        new Response(
          JSON.stringify({
            error: { code: 'invalid', message: 'Invalid', fields: [{ path: 'subject', message: 'x' }] },
          }),
          { status: 400 },
        ),
      () => new Response('{"reference": 42}', { status: 202 }),
    ]);
    expect(await submit(submission)).toEqual({
      kind: 'invalid',
      message: 'Invalid',
      fields: [{ path: 'subject', message: 'x' }],
    });
    expect((await submit(submission)).kind).toBe('server_error');
  });
});
