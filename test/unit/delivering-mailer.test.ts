import { describe, expect, it } from 'vitest';
import { DeliveringMailer } from '../../infra/local/delivering-mailer.js';
import { VirtualClock } from '../../infra/local/virtual-clock.js';
import { lambdaContext } from '../support/intake-fixtures.js';
import { RecordingMailer } from '../support/recording-ports.js';

const mail = (to: string) => ({ to: [to], subject: 'Subject', text: 'Text', html: '<p>Text</p>' });
const context = () => lambdaContext('delivery-events');

/** A delivery handler that holds each report until the test lets it go. */
const heldHandler = () => {
  const handled: unknown[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    handled,
    release: () => release(),
    handler: async (event: unknown) => {
      await gate;
      handled.push(event);
    },
  };
};

describe('local delivery reports', () => {
  it('a settle waits for a background flush already under way, and reports each mail once', async () => {
    const mailer = new DeliveringMailer(
      new RecordingMailer(),
      new VirtualClock(new Date('2026-11-23T01:00:00Z')),
    );
    await mailer.send(mail('wang.fang@example.com'));
    const held = heldHandler();

    const background = mailer.flush(held.handler, context);
    let settled = false;
    const settle = mailer.flush(held.handler, context).then(() => {
      settled = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(settled, 'the settle returned while the report was still being recorded').toBe(false);

    held.release();
    await Promise.all([background, settle]);
    expect(settled).toBe(true);
    expect(held.handled).toHaveLength(1);
  });

  it('leaves mail younger than the minimum age for a later flush', async () => {
    const mailer = new DeliveringMailer(
      new RecordingMailer(),
      new VirtualClock(new Date('2026-11-23T01:00:00Z')),
    );
    await mailer.send(mail('li.lei@example.com'));
    const handled: unknown[] = [];
    const handler = async (event: unknown) => {
      handled.push(event);
    };

    await mailer.flush(handler, context, 60_000);
    expect(handled).toHaveLength(0);
    await mailer.flush(handler, context);
    expect(handled).toHaveLength(1);
    await mailer.flush(handler, context);
    expect(handled).toHaveLength(1);
  });
});
