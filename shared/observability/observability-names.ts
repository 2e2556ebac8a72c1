/**
 * Names the CDK writes into every function's environment (POWERTOOLS_SERVICE_NAME,
 * POWERTOOLS_METRICS_NAMESPACE) and the runtime falls back to where nothing sets them (the local
 * runtime, tests). Kept free of Powertools imports so the CDK app can read them cheaply.
 */
export const defaultServiceName = 'redress';

/** The CloudWatch namespace of every Redress metric; dashboards and alarms look here. */
export const metricsNamespace = 'Redress';
