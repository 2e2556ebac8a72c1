import type { Mailer, OutgoingMail } from '../../shared/adapters/ses/mailer.js';
import type { IntakeQueue } from '../../shared/adapters/sqs/intake-queue.js';
import type { SlaWatcher, SlaWatchRequest } from '../../shared/domain/sla/sla-watch.js';
import type { IntakeMessage } from '../../shared/schemas/intake-message-schema.js';

/**
 * Port stand-ins for handler tests: they keep what was sent so a test can count it, and can be
 * told to fail the next calls the way a provider outage would.
 */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  private failures = 0;

  /** The next `count` sends throw, as an SES throttle or outage would. */
  failNext(count: number): void {
    this.failures = count;
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('mail provider unavailable');
    }
    this.sent.push(mail);
    return { messageId: `msg-${this.sent.length}` };
  }

  sentTo(address: string): OutgoingMail[] {
    return this.sent.filter((mail) => mail.to.includes(address));
  }
}

export class RecordingQueue implements IntakeQueue {
  readonly messages: IntakeMessage[] = [];
  private down = false;

  /** While down, every send throws, as an unreachable queue would. */
  setDown(down: boolean): void {
    this.down = down;
  }

  async send(message: IntakeMessage): Promise<void> {
    if (this.down) throw new Error('queue unreachable');
    this.messages.push(message);
  }

  for(reference: string): IntakeMessage[] {
    return this.messages.filter((message) => message.reference === reference);
  }
}

/** Records SLA watches started, as a Step Functions client would be asked to. */
export class RecordingWatcher implements SlaWatcher {
  readonly started: SlaWatchRequest[] = [];

  async start(request: SlaWatchRequest): Promise<void> {
    this.started.push(request);
  }
}
