import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { type SlaWatcher, type SlaWatchRequest, slaExecutionName } from '../../domain/sla/sla-watch.js';
import { tracer } from '../../observability/powertools.js';
import { slaStepInputSchema } from '../../schemas/sla-step-schema.js';
import { clientEndpointConfig } from '../local-endpoint.js';

export const createSfnClient = (options: { endpoint?: string; region?: string } = {}): SFNClient =>
  tracer.captureAWSv3Client(new SFNClient(clientEndpointConfig(options.endpoint, options.region)));

/** Starts the SLA state machine; an execution of the same name already running is success. */
export class StepFunctionsSlaWatcher implements SlaWatcher {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(request: SlaWatchRequest): Promise<void> {
    // The execution's input is the step's input: checked now, not at the first wake weeks later.
    const input = slaStepInputSchema.parse(request);
    try {
      await this.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: slaExecutionName(input),
          input: JSON.stringify(input),
        }),
      );
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return;
      throw error;
    }
  }
}
