import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';

export interface ReceivedObject {
  bucket: string;
  key: string;
  size: number;
}

export interface SmtpReceiverOptions {
  port: number;
  /** Addresses (or `@domain` suffixes) we accept mail for; anything else is refused at RCPT. */
  recipients: readonly string[];
  maxBytes: number;
  /** Stores the raw MIME (like the SES receipt rule's S3 action) and returns where. */
  store: (raw: Uint8Array) => Promise<ReceivedObject>;
  /** Runs the gateway for the stored object (like the S3 notification); must not throw. */
  deliver: (object: ReceivedObject) => void;
}

export interface SmtpReceiver {
  port: number;
  stop(): Promise<void>;
}

const accepts = (recipients: readonly string[], address: string): boolean => {
  const lower = address.trim().toLowerCase();
  return recipients.some((recipient) =>
    recipient.startsWith('@') ? lower.endsWith(recipient.toLowerCase()) : lower === recipient.toLowerCase(),
  );
};

/**
 * Local stand-in for SES receiving: a real SMTP server on 127.0.0.1 that any mail client can
 * send to. The raw message is stored first and only then acknowledged with 250, so a mail the
 * client was told we accepted is never lost.
 */
export const startSmtpReceiver = (options: SmtpReceiverOptions): Promise<SmtpReceiver> =>
  new Promise((resolve, reject) => {
    const server = new SMTPServer({
      name: 'redress.local',
      banner: 'Redress local complaints mail',
      authOptional: true,
      // Local only: the package's built-in certificate has expired, so STARTTLS is switched off.
      disabledCommands: ['STARTTLS', 'AUTH'],
      hideSTARTTLS: true,
      size: options.maxBytes,
      logger: false,
      onRcptTo(address, _session, callback) {
        if (accepts(options.recipients, address.address)) callback();
        else callback(Object.assign(new Error('No such mailbox here'), { responseCode: 550 }));
      },
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (stream.sizeExceeded) {
            callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
            return;
          }
          options
            .store(Buffer.concat(chunks))
            .then((object) => {
              callback(null, `Queued as ${object.key}`);
              options.deliver(object);
            })
            .catch(() =>
              callback(Object.assign(new Error('Could not store the message'), { responseCode: 451 })),
            );
        });
      },
    });
    server.on('error', (error) => process.stderr.write(`smtp receiver: ${error.message}\n`));
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.server.address();
      const port = address !== null && typeof address === 'object' ? address.port : options.port;
      resolve({ port, stop: () => new Promise((done) => server.close(() => done())) });
    });
    server.server.once('error', reject);
  });

export const inboundObjectKey = (at: Date): string =>
  `inbound/${at.toISOString().slice(0, 10)}/${randomUUID()}.eml`;
