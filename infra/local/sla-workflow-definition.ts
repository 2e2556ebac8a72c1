import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { z } from 'zod';
import { SlaWorkflow } from '../constructs/sla-workflow.js';

/** The step Lambda's ARN in the locally synthesized definition; the local runner binds it. */
export const localSlaStepArn = 'arn:aws:lambda:local:000000000000:function:sla-step';

const templateSchema = z.object({
  Resources: z.record(
    z.string(),
    z.object({ Type: z.string(), Properties: z.record(z.string(), z.unknown()).optional() }),
  ),
});

/**
 * The Amazon States Language the SlaWorkflow construct synthesizes, with the step Lambda as a
 * plain ARN: the very definition AWS runs, not a copy written for local use.
 */
export const synthesizeSlaDefinition = (): unknown => {
  const app = new App();
  const stack = new Stack(app, 'SlaDefinition');
  new SlaWorkflow(stack, 'Sla', {
    stepFunction: lambda.Function.fromFunctionArn(stack, 'Step', localSlaStepArn),
    logging: false,
  });
  const template = templateSchema.parse(app.synth().getStackByName(stack.stackName).template);
  const machine = Object.values(template.Resources).find(
    (resource) => resource.Type === 'AWS::StepFunctions::StateMachine',
  );
  const definition = machine?.Properties?.DefinitionString;
  if (typeof definition !== 'string') {
    throw new Error('the SLA state machine definition did not synthesize to a plain string');
  }
  return JSON.parse(definition);
};
