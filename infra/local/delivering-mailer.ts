import type { Context } from 'aws-lambda';
import { capturedMailDeliveredEvent } from '../../functions/delivery-events/local-delivery.js';
import type { Mailer, OutgoingMail } from '../../shared/adapters/ses/mailer.js';
import type { Clock } from '../../shared/domain/time/clock.js';

type DeliveryHandler = (event: unknown, context: Context) => Promise<unknown>;

interface PendingDelivery {
  event: ReturnType<typeof capturedMailDeliveredEvent>;
  /** Process time of the send (not the virtual clock): only used to let the sender finish. */
  sentAtMs: number;
}

/**
 * Locally a captured mail counts as delivered. After each send, the SES "Email Delivered" event is
 * queued; `flush` hands the queued events to the same delivery handler AWS runs. A report must
 * come after the sender stored the Message-ID, as SES's does: the runtime flushes everything when
 * it settles (the senders are done by then), and once a second only what was sent a while ago.
 * Flushes run one after another, so a settle also waits for a background flush in progress.
 */
export class DeliveringMailer implements Mailer {
  private pending: PendingDelivery[] = [];
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly inner: Mailer,
    private readonly clock: Clock,
  ) {}

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const sent = await this.inner.send(mail);
    this.pending.push({
      event: capturedMailDeliveredEvent({
        id: sent.messageId,
        to: mail.to,
        ...(mail.cc ? { cc: mail.cc } : {}),
        at: this.clock.now().toISOString(),
      }),
      sentAtMs: performance.now(),
    });
    return sent;
  }

  /** Reports every mail sent at least `minAgeMs` ago (all of them with the default 0). */
  flush(handler: DeliveryHandler, context: () => Context, minAgeMs = 0): Promise<void> {
    const run = this.flushing.then(() => this.deliver(handler, context, minAgeMs));
    this.flushing = run;
    return run;
  }

  private async deliver(handler: DeliveryHandler, context: () => Context, minAgeMs: number): Promise<void> {
    const cutoff = performance.now() - minAgeMs;
    const ready = this.pending.filter((item) => item.sentAtMs <= cutoff);
    this.pending = this.pending.filter((item) => item.sentAtMs > cutoff);
    for (const { event } of ready) {
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
