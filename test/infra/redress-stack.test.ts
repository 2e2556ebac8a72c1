import { App, type PolicyValidationPluginReport, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { CaseData } from '../../infra/constructs/case-data.js';
import { RedressStack } from '../../infra/stacks/redress-stack.js';

// cdk-nag 3 is a validation plugin, not an Aspect: its findings never reach Annotations, so the
// pack is run directly on the construct tree. Acknowledged findings are already filtered out.
function nagFindings(scope: Stack): string[] {
  const report: PolicyValidationPluginReport = new AwsSolutionsChecks().validateScope(scope);
  return report.violations.map(
    (violation) =>
      `${violation.severity ?? 'unknown'} ${violation.ruleName} at ${violation.violatingResources
        .map((resource) => resource.constructPath ?? '?')
        .join(', ')}`,
  );
}

describe('RedressStack', () => {
  it('has no unacknowledged AwsSolutions findings, errors or warnings', () => {
    const stack = new RedressStack(new App(), 'Redress');
    expect(nagFindings(stack)).toEqual([]);
  });

  it('exports the case table name', () => {
    const stack = new RedressStack(new App(), 'Redress');
    const table = stack.caseData.table.node.defaultChild;
    if (!(table instanceof dynamodb.CfnTable)) throw new Error('CaseData has no CfnTable');
    Template.fromStack(stack).hasOutput('CaseTableName', { Value: { Ref: stack.getLogicalId(table) } });
  });
});

describe('cdk-nag check is live', () => {
  it('reports a table without point-in-time recovery (AwsSolutions-DDB3)', () => {
    const stack = new RedressStack(new App(), 'Redress', { caseData: { pointInTimeRecovery: false } });
    expect(nagFindings(stack)).toEqual([
      expect.stringMatching(/AwsSolutions-DDB3 at Redress\/CaseData\/Table/),
    ]);
  });

  it('finds no wildcard (AwsSolutions-IAM5) in the case grants a function would get', () => {
    const stack = new Stack(new App(), 'Grants');
    const caseData = new CaseData(stack, 'CaseData');
    const role = new iam.Role(stack, 'Worker', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    caseData.grantReadWriteCases(role);
    expect(nagFindings(stack)).toEqual([]);
  });
});
