import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One in-memory DynamoDB Local for the run; it hands its endpoint to tests via inject().
    globalSetup: ['./test/support/dynamodb-global-setup.ts'],
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    // Integration suites share one DynamoDB Local; two workers match the two cores we run on.
    maxWorkers: 2,
    // Our machines run Node 20; the SDK's notice about future Node 22 releases is noise in test output.
    // Metrics off (no EMF JSON on stdout) and tracing off (no X-Ray daemon to reach); the metrics
    // test switches metrics back on for itself.
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_TRACE_ENABLED: 'false',
    },
    testTimeout: 30_000,
    // Suites that start the whole local runtime need more than a minute on a busy two-core machine.
    hookTimeout: 300_000,
  },
});
