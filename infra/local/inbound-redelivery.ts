import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { InboundMailLog } from '../../shared/domain/mail-intake/mail-ports.js';
import type { ReceivedObject } from './smtp-receiver.js';

/** Days back from now whose stored mail is checked: a restart is rarely further from the crash. */
const LOOKBACK_DAYS = 2;
const DAY_MS = 24 * 3600 * 1000;

const daysBack = (now: Date): string[] =>
  Array.from({ length: LOOKBACK_DAYS + 1 }, (_, back) =>
    new Date(now.getTime() - back * DAY_MS).toISOString().slice(0, 10),
  );

/**
 * Mail stored by the local SMTP receiver (and answered 250) that the gateway never processed.
 * In AWS the S3 notification that runs the gateway is durable; locally it is a call in memory,
 * which a SIGKILL between the 250 and the gateway's log entry loses. The gateway is idempotent,
 * so delivering one of these again is safe once the killed attempt's claim on it has expired.
 */
export const undeliveredInboundMail = async (input: {
  s3: S3Client;
  bucket: string;
  mailLog: InboundMailLog;
  /** The virtual clock's now: stored mail is filed under the day it arrived. */
  now: Date;
  /** Only mail stored before this (real time): later mail may still be in the gateway's hands. */
  storedBefore: Date;
}): Promise<ReceivedObject[]> => {
  const days = daysBack(input.now);
  const processed = new Set<string>();
  for (const day of days) {
    for (const entry of await input.mailLog.listDay(day)) processed.add(entry.objectKey);
  }
  const stored: ReceivedObject[] = [];
  for (const day of days) {
    let token: string | undefined;
    do {
      const page = await input.s3.send(
        new ListObjectsV2Command({
          Bucket: input.bucket,
          Prefix: `inbound/${day}/`,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) {
        const old = object.LastModified !== undefined && object.LastModified < input.storedBefore;
        if (object.Key !== undefined && old && !processed.has(object.Key)) {
          stored.push({ bucket: input.bucket, key: object.Key, size: object.Size ?? 0 });
        }
      }
      token = page.NextContinuationToken;
    } while (token !== undefined);
  }
  return stored;
};
