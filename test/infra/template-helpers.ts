import { App, type CfnElement, type PolicyValidationPluginReport, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { z } from 'zod';

/**
 * An app that skips asset bundling (the CLI's own `--exclusively` mechanism): templates are
 * the same apart from asset hashes, and no test waits for esbuild. `cdk synth` still bundles;
 * bundling.test.ts bundles for real once.
 */
export const appWithoutBundling = (): App => new App({ context: { 'aws:cdk:bundling-stacks': [] } });

// cdk-nag 3 is a validation plugin, not an Aspect: its findings never reach Annotations, so the
// pack is run directly on the construct tree. Acknowledged findings are already filtered out.
export function nagFindings(scope: Stack): string[] {
  const report: PolicyValidationPluginReport = new AwsSolutionsChecks().validateScope(scope);
  return report.violations.map(
    (violation) =>
      `${violation.severity ?? 'unknown'} ${violation.ruleName} at ${violation.violatingResources
        .map((resource) => resource.constructPath ?? '?')
        .join(', ')}`,
  );
}

const statementSchema = z.object({
  Effect: z.string(),
  Action: z.union([z.string(), z.array(z.string())]),
  Resource: z.unknown(),
  Condition: z.unknown().optional(),
});
export type Statement = z.infer<typeof statementSchema>;

const policySchema = z.object({
  Properties: z.object({
    Roles: z.array(z.unknown()),
    PolicyDocument: z.object({ Statement: z.array(statementSchema) }),
  }),
});

/** Logical id of a construct's default child, checked to be the expected L1 class. */
export function cfnLogicalId<T extends CfnElement>(
  construct: IConstruct,
  type: new (...args: never[]) => T,
): string {
  const child = construct.node.defaultChild;
  if (!(child instanceof type)) throw new Error(`${construct.node.path} has no ${type.name}`);
  return Stack.of(construct).getLogicalId(child);
}

/** Every statement of every inline policy attached to the role. */
export function statementsOfRole(template: Template, roleId: string): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .map((resource) => policySchema.parse(resource).Properties)
    .filter((properties) => JSON.stringify(properties.Roles).includes(JSON.stringify({ Ref: roleId })))
    .flatMap((properties) => properties.PolicyDocument.Statement);
}

/** Every statement of every inline policy in the template. */
export function allStatements(template: Template): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (resource) => policySchema.parse(resource).Properties.PolicyDocument.Statement,
  );
}

export const actionsOf = (statements: Statement[]): string[] =>
  statements.flatMap((statement) =>
    typeof statement.Action === 'string' ? [statement.Action] : statement.Action,
  );

export const resourcesOf = (statement: Statement): unknown[] =>
  Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];

/** The one resource of a type, failing when there are none or several. */
export function onlyResource(
  template: Template,
  type: string,
): { id: string; properties: Record<string, unknown> } {
  const entries = Object.entries(template.findResources(type));
  const [entry, ...others] = entries;
  if (entry === undefined || others.length > 0)
    throw new Error(`expected one ${type}, found ${entries.length}`);
  const parsed = z.object({ Properties: z.record(z.string(), z.unknown()) }).parse(entry[1]);
  return { id: entry[0], properties: parsed.Properties };
}

/** What every dead-letter alarm looks like: one visible message in the queue is enough. */
export const deadLetterAlarmShape = (deadLetterQueueId: string) => ({
  Namespace: 'AWS/SQS',
  MetricName: 'ApproximateNumberOfMessagesVisible',
  Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [deadLetterQueueId, 'QueueName'] } }],
  Threshold: 0,
  ComparisonOperator: 'GreaterThanThreshold',
  EvaluationPeriods: 1,
  TreatMissingData: 'notBreaching',
});
