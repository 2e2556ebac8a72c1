import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { type SlaWatcher, type SlaWatchRequest, slaExecutionName } from '../../domain/sla/sla-watch.js';
import { clientEndpointConfig } from '../local-endpoint.js';

export const createSfnClient = (options: { endpoint?: string; region?: string } = {}): SFNClient =>
  new SFNClient(clientEndpointConfig(options.endpoint, options.region));

/** Starts the SLA state machine; an execution of the same name already running is success. */
export class StepFunctionsSlaWatcher implements SlaWatcher {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(request: SlaWatchRequest): Promise<void> {
    try {
      await this.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: slaExecutionName(request),
          input: JSON.stringify(request),
        }),
      );
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return;
      throw error;
    }
  }
}
