/**
 * The one description of the case table. The CDK data construct and the local runtime
 * both build their table from this object, so the deployed and local shapes cannot drift.
 *
 * Items (single table): every kind and its keys are in table-keys.ts, the only place a key
 * string is built.
 *
 * Indexes:
 * - due-by-time (sparse): only open cases carry dueShard/dueAt, so the overdue audit reads
 *   exactly what is due. Cases spread over `dueShardCount` partitions to avoid one hot key.
 * - by-branch: cases by branch and received date, for reports.
 */
export const caseTable = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  /** The stream carries new images: an outbox record is read whole from it. */
  streamViewType: 'NEW_IMAGE',
  dueShardCount: 4,
  indexes: {
    dueByTime: { indexName: 'due-by-time', partitionKey: 'dueShard', sortKey: 'dueAt' },
    byBranch: { indexName: 'by-branch', partitionKey: 'branchCode', sortKey: 'branchReceivedAt' },
  },
} as const;

export type CaseTableIndex = (typeof caseTable.indexes)[keyof typeof caseTable.indexes];

/** Every key attribute is a string. */
export const caseTableKeyAttributes: readonly string[] = [
  caseTable.partitionKey,
  caseTable.sortKey,
  ...Object.values(caseTable.indexes).flatMap((index) => [index.partitionKey, index.sortKey]),
];
