import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger. Service name and level come from the environment the CDK sets
 * (POWERTOOLS_SERVICE_NAME, POWERTOOLS_LOG_LEVEL). Never log personal data: references,
 * counts, codes and error names only.
 */
export const logger = new Logger({ serviceName: 'redress' });
