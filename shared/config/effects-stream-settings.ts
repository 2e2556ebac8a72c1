import { caseTable } from '../adapters/dynamodb/case-table.js';
import { keyPrefixes } from '../adapters/dynamodb/table-keys.js';

/**
 * How the case table's stream feeds the effects processor. The CDK event source mapping and the
 * local stream poller both read these, so an outbox record is filtered, batched, retried and
 * given up on the same way in both.
 */
export const effectsStreamSettings = {
  /** Records per invocation. */
  batchSize: 10,
  /** Tries of a failing batch after the first, before its records go to the failure destination. */
  retryAttempts: 10,
  /** A failing batch is split in two to find the record that fails. */
  bisectBatchOnError: true,
  processorTimeoutSeconds: 30,
  maxBatchingWindowSeconds: 0,
  /** Only new outbox records: their keys begin with OUTBOX#, and they are inserted, never replaced. */
  filterPattern: {
    eventName: ['INSERT'],
    dynamodb: { Keys: { [caseTable.sortKey]: { S: [{ prefix: keyPrefixes.outbox }] } } },
  },
} as const;

/**
 * The filter above, evaluated as Lambda's event filtering does for the shapes it uses (a list of
 * accepted values, or a prefix). The local poller uses it; AWS evaluates the same pattern itself.
 */
export const matchesFilter = (pattern: unknown, value: unknown): boolean => {
  if (Array.isArray(pattern)) {
    return pattern.some((rule) =>
      typeof rule === 'object' && rule !== null && 'prefix' in rule && typeof rule.prefix === 'string'
        ? typeof value === 'string' && value.startsWith(rule.prefix)
        : rule === value,
    );
  }
  if (typeof pattern === 'object' && pattern !== null) {
    if (typeof value !== 'object' || value === null) return false;
    return Object.entries(pattern).every(([key, inner]) =>
      matchesFilter(inner, Object.hasOwn(value, key) ? Reflect.get(value, key) : undefined),
    );
  }
  return false;
};
