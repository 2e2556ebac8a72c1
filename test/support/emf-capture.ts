import { vi } from 'vitest';
import { z } from 'zod';

/** The part of a CloudWatch Embedded Metric Format document that says what the metrics are. */
const emfDocumentSchema = z.looseObject({
  _aws: z.object({
    Timestamp: z.number(),
    CloudWatchMetrics: z.array(
      z.object({
        Namespace: z.string(),
        Dimensions: z.array(z.array(z.string())),
        Metrics: z.array(z.object({ Name: z.string(), Unit: z.string() })),
      }),
    ),
  }),
});

const metricValueSchema = z.union([z.number(), z.array(z.number())]);

/** One metric as CloudWatch files it: name, value and the dimensions it can be looked up by. */
export interface EmittedMetric {
  namespace: string;
  name: string;
  unit: string;
  value: number | number[];
  dimensions: Record<string, string>;
}

const metricsOf = (document: z.infer<typeof emfDocumentSchema>): EmittedMetric[] =>
  document._aws.CloudWatchMetrics.flatMap((directive) =>
    directive.Metrics.flatMap((metric) =>
      directive.Dimensions.map((dimensionSet) => ({
        namespace: directive.Namespace,
        name: metric.Name,
        unit: metric.Unit,
        value: metricValueSchema.parse(document[metric.Name]),
        dimensions: Object.fromEntries(
          dimensionSet.map((dimension) => [dimension, z.string().parse(document[dimension])]),
        ),
      })),
    ),
  );

export interface EmfCapture {
  /** Every EMF line written so far, as written: what lands in the function's log group. */
  readonly lines: string[];
  /** The metrics in the lines from `from` on, one entry per metric and dimension set. */
  metrics(from?: number): EmittedMetric[];
  restore(): void;
}

/**
 * Powertools Metrics prints EMF to stdout (CloudWatch Logs turns those lines into metrics), so
 * the lines are taken from process.stdout.write; everything else is passed through untouched.
 */
export const captureEmf = (): EmfCapture => {
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const spy = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const emf = text.split('\n').filter((line) => line.startsWith('{') && line.includes('"_aws"'));
      if (emf.length === 0) return Reflect.apply(write, process.stdout, [chunk, ...rest]) !== false;
      lines.push(...emf);
      return true;
    });
  return {
    lines,
    metrics: (from = 0) =>
      lines.slice(from).flatMap((line) => metricsOf(emfDocumentSchema.parse(JSON.parse(line)))),
    restore: () => spy.mockRestore(),
  };
};
