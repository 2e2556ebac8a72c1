import type { Context } from 'aws-lambda';
import { capturedMailDeliveredEvent } from '../../functions/delivery-events/local-delivery.js';
import type { Mailer, OutgoingMail } from '../../shared/adapters/ses/mailer.js';
import type { Clock } from '../../shared/domain/time/clock.js';

type DeliveryHandler = (event: unknown, context: Context) => Promise<unknown>;

/**
 * Locally a captured mail counts as delivered. After each send, the SES "Email Delivered" event is
 * queued; `flush` hands the queued events to the same delivery handler AWS runs. It runs after the
 * sender has stored the Message-ID (the runtime flushes when it settles and once a second).
 */
export class DeliveringMailer implements Mailer {
  private readonly pending: Array<ReturnType<typeof capturedMailDeliveredEvent>> = [];

  constructor(
    private readonly inner: Mailer,
    private readonly clock: Clock,
  ) {}

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const sent = await this.inner.send(mail);
    this.pending.push(
      capturedMailDeliveredEvent({
        id: sent.messageId,
        to: mail.to,
        ...(mail.cc ? { cc: mail.cc } : {}),
        at: this.clock.now().toISOString(),
      }),
    );
    return sent;
  }

  async flush(handler: DeliveryHandler, context: () => Context): Promise<void> {
    for (const event of this.pending.splice(0)) {
      try {
        await handler(event, context());
      } catch (error) {
        process.stderr.write(
          `local delivery event failed: ${error instanceof Error ? error.name : 'unknown'}\n`,
        );
      }
    }
  }
}
