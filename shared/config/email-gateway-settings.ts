/**
 * How the e-mail gateway is invoked. Deployed: S3 notification -> asynchronous Lambda with this
 * many retries, then the failure destination. Locally the runtime's invoker uses the same number.
 */
export const emailGatewaySettings = {
  retryAttempts: 2,
  /** Object keys SES writes when a receipt rule is created: a probe, not a mail. */
  setupNotificationKey: 'AMAZON_SES_SETUP_NOTIFICATION',
} as const;
