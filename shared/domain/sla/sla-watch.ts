/**
 * The port that starts a case's SLA watch (a Step Functions execution in AWS, the local runner
 * locally). The name is derived from reference and generation, so starting the same watch twice
 * is harmless; a newer generation supersedes the older watch, which ends itself when it wakes.
 */
export interface SlaWatchRequest {
  reference: string;
  generation: number;
  /** UTC ISO instant of the first wake. */
  wakeAt: string;
}

export interface SlaWatcher {
  start(request: SlaWatchRequest): Promise<void>;
}

export const slaExecutionName = (request: Pick<SlaWatchRequest, 'reference' | 'generation'>): string =>
  `${request.reference}-g${request.generation}`;
