/**
 * The intake queue's delivery rules. The CDK queue and event source mapping and the local
 * poller both read these, so a message is retried and dead-lettered the same way in both.
 */
export const intakeQueueSettings = {
  /** Records per worker invocation. */
  batchSize: 10,
  /** Receives before a message moves to the dead-letter queue. */
  maxReceiveCount: 5,
  /** Must exceed the worker's timeout so an in-flight batch is never delivered twice at once. */
  visibilityTimeoutSeconds: 90,
  workerTimeoutSeconds: 30,
  maxBatchingWindowSeconds: 1,
  /** Dead letters are kept for the longest SQS allows, so an operator can always redrive them. */
  deadLetterRetentionDays: 14,
} as const;

/** A received complaint not registered within this time is sent to the queue again. */
export const registrationRedriveAfterMs = 5 * 60 * 1000;
