import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { CaseData, type CaseDataProps } from '../constructs/case-data.js';

export interface RedressStackProps extends StackProps {
  /** Passed through to the case table; defaults keep the data (retain, deletion protection). */
  readonly caseData?: CaseDataProps;
}

/**
 * Composition only: each concern is one construct, wired together here. A new concern is one
 * `new X(this, 'X', { caseData: this.caseData, ... })` plus its outputs.
 */
export class RedressStack extends Stack {
  readonly caseData: CaseData;

  constructor(scope: Construct, id: string, props: RedressStackProps = {}) {
    super(scope, id, props);

    this.caseData = new CaseData(this, 'CaseData', props.caseData);

    new CfnOutput(this, 'CaseTableName', {
      description: 'DynamoDB table holding cases, their event ledger and identity index',
      value: this.caseData.table.tableName,
    });
  }
}
