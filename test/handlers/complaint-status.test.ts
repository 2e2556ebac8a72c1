import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComplaintStatusHandler } from '../../functions/complaint-status/create-handler.js';
import { sampleRoutingRules } from '../../shared/config/routing-rules.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import type { CaseCommand } from '../../shared/domain/case/case-commands.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import { registrationPlan } from '../../shared/domain/intake/registration-plan.js';
import { errorBodySchema, lambdaContext, statusBodySchema, statusEvent } from '../support/intake-fixtures.js';
import { createIntakeTables, type IntakeTablesFixture } from '../support/intake-tables.js';
import { type SeededCase, seedReceived } from '../support/received-cases.js';

const RECEIVED = '2026-11-23T02:00:00.000Z';
const REGISTERED = '2026-11-23T02:01:00.000Z';
const NOTED = '2026-11-23T03:00:00.000Z';
const INTERNAL_NOTE = 'Customer sounds angry; check the card ledger for account 6222 0000 1111';

let tables: IntakeTablesFixture;
let handler: ReturnType<typeof createComplaintStatusHandler>;
let seeded: SeededCase;

const invoke = (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> =>
  handler(event, lambdaContext('complaint-status'));

/** Applies a command as staff or the worker would, and stores the result. */
const apply = async (reference: string, at: string, command: CaseCommand): Promise<void> => {
  const current = await tables.store.get(reference);
  if (current === undefined) throw new Error(`no case ${reference}`);
  const result = applyCommand(current, command, {
    actor: { id: 'staff-0031', kind: 'staff', role: 'handler' },
    now: new Date(at),
    deadlines: deadlineCalculatorFor(current.clockPolicyId, current.calendarId),
  });
  await tables.store.save(result.case, current.version, result.events);
};

beforeAll(async () => {
  tables = await createIntakeTables('status-handler');
  handler = createComplaintStatusHandler({ store: tables.store });
  seeded = await seedReceived(tables.store, RECEIVED, {
    customer: { name: '王芳', email: 'wang.fang@example.com', phone: '+86 138 0013 8000' },
    branchCode: 'BJ-001',
  });
  await apply(
    seeded.reference,
    REGISTERED,
    registrationPlan(seeded.complaint, { routing: sampleRoutingRules, repeatComplainant: true }),
  );
  await apply(seeded.reference, NOTED, { type: 'note', text: INTERNAL_NOTE });
});

afterAll(async () => {
  await tables?.dispose();
});

describe('complaint-status handler', () => {
  it('shows the status, the promised dates and the customer-facing history in the case language', async () => {
    const result = await invoke(statusEvent(seeded.reference, { token: seeded.trackingToken }));
    expect(result.statusCode).toBe(200);
    expect(result.headers).toMatchObject({ 'cache-control': 'no-store' });
    expect(statusBodySchema.parse(JSON.parse(result.body))).toEqual({
      reference: seeded.reference,
      status: 'registered',
      receivedAt: RECEIVED,
      acknowledgeBy: '2026-11-24T15:59:59.999Z',
      decideBy: '2026-12-08T15:59:59.999Z',
      history: [
        { at: RECEIVED, kind: 'case.received', text: '我们已收到您的投诉。' },
        { at: REGISTERED, kind: 'case.registered', text: '您的投诉已登记受理，并已指定专人负责。' },
      ],
    });
  });

  it('answers in English when asked, and in the case language for a language it does not offer', async () => {
    const english = await invoke(statusEvent(seeded.reference, { token: seeded.trackingToken, lang: 'en' }));
    expect(statusBodySchema.parse(JSON.parse(english.body)).history.map((entry) => entry.text)).toEqual([
      'We received your complaint.',
      'Your complaint was registered and a named person is responsible for it.',
    ]);
    const unknown = await invoke(statusEvent(seeded.reference, { token: seeded.trackingToken, lang: 'fr' }));
    expect(statusBodySchema.parse(JSON.parse(unknown.body)).history[0]?.text).toBe('我们已收到您的投诉。');
  });

  it('keeps internal notes, staff, the first responder and contact details out of the answer', async () => {
    const result = await invoke(statusEvent(seeded.reference, { token: seeded.trackingToken }));
    for (const hidden of [
      INTERNAL_NOTE,
      'case.note_added',
      'staff-0031',
      'desk:BJ-001',
      'wang.fang@example.com',
      '王芳',
      '138 0013 8000',
      'repeatComplainant',
      'trackingTokenHash',
    ]) {
      expect(result.body).not.toContain(hidden);
    }
  });

  it('gives one identical 404 for a wrong token, an unknown reference, a malformed reference or no token', async () => {
    const answers = await Promise.all([
      invoke(statusEvent(seeded.reference, { token: 'x'.repeat(43) })),
      invoke(statusEvent(seeded.reference, { token: seeded.trackingToken.slice(0, -1) })),
      invoke(statusEvent('RD-20261123-7K3QX9', { token: seeded.trackingToken })),
      invoke(statusEvent(seeded.reference.toLowerCase(), { token: seeded.trackingToken })),
      invoke(statusEvent(seeded.reference, null)),
      invoke(statusEvent(seeded.reference, { token: '' })),
      invoke(statusEvent(seeded.reference, { token: 't'.repeat(201) })),
    ]);
    const [first] = answers;
    expect(first?.statusCode).toBe(404);
    expect(errorBodySchema.parse(JSON.parse(first?.body ?? ''))).toEqual({
      error: { code: 'not_found', message: 'No complaint matches this reference and token.', fields: [] },
    });
    for (const answer of answers) {
      expect(answer.statusCode).toBe(404);
      expect(answer.body).toBe(first?.body);
      expect(answer.headers).toEqual(first?.headers);
    }
  });
});
