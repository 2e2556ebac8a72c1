import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { z } from 'zod';
import { parseEnvironment } from '../config/environment.js';
import { defaultServiceName, metricsNamespace } from './observability-names.js';

/*
 * The one Logger, Metrics and Tracer of the app. What they are called comes from the environment
 * the CDK sets (RedressFunction); the log level, the X-Ray switch and the metrics switch are read
 * by Powertools itself (POWERTOOLS_LOG_LEVEL, POWERTOOLS_TRACE_ENABLED, POWERTOOLS_METRICS_DISABLED),
 * which is how the local runtime and the tests keep EMF and X-Ray out of their output.
 *
 * Never log or dimension personal data: references, counts, codes and error names only.
 */
const names = parseEnvironment(
  z.object({
    POWERTOOLS_SERVICE_NAME: z.string().min(1).default(defaultServiceName),
    POWERTOOLS_METRICS_NAMESPACE: z.string().min(1).default(metricsNamespace),
  }),
);

export const logger = new Logger({ serviceName: names.POWERTOOLS_SERVICE_NAME });

type MetricsDiagnostics = NonNullable<NonNullable<ConstructorParameters<typeof Metrics>[0]>['logger']>;

/**
 * Where Metrics reports its own problems (the EMF itself always goes to stdout): into our log, at
 * our level. Metrics warns on every flush that holds no application metric, which is the normal
 * case here (business metrics are published on their own, and read-only handlers have none), so
 * that one notice is kept at debug instead of a warning per invocation.
 */
const emptyFlushNotice = 'No application metrics to publish';
const metricsDiagnostics: MetricsDiagnostics = {
  debug: (message: unknown) => logger.debug(String(message)),
  info: (message: unknown) => logger.info(String(message)),
  warn: (message: unknown) => {
    const text = String(message);
    if (text.startsWith(emptyFlushNotice)) logger.debug(text);
    else logger.warn(text);
  },
  error: (message: unknown) => logger.error(String(message)),
};

export const metrics = new Metrics({
  namespace: names.POWERTOOLS_METRICS_NAMESPACE,
  serviceName: names.POWERTOOLS_SERVICE_NAME,
  logger: metricsDiagnostics,
});

/** Off outside Lambda by itself; POWERTOOLS_TRACE_ENABLED=false says so explicitly where it matters. */
export const tracer = new Tracer({ serviceName: names.POWERTOOLS_SERVICE_NAME });
