import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * A queue that receives what failed after its retries. SQS-managed encryption (a failure record
 * carries ids, not content), TLS only, kept 14 days (the most SQS allows) for an operator to read.
 * Created as `DeadLetterQueue` in the caller's scope, so its logical id is the caller's.
 */
export const failureDestinationQueue = (scope: Construct, whyNoDeadLetterOfItsOwn: string): sqs.Queue => {
  const queue = new sqs.Queue(scope, 'DeadLetterQueue', {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: whyNoDeadLetterOfItsOwn });
  return queue;
};

/**
 * One dead letter is enough to call someone: each is something the bank received and did not
 * finish handling. Created as `DeadLetterAlarm` in the caller's scope.
 */
export const deadLetterAlarm = (scope: Construct, queue: sqs.IQueue, description: string): cloudwatch.Alarm =>
  new cloudwatch.Alarm(scope, 'DeadLetterAlarm', {
    alarmDescription: description,
    metric: queue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(1),
      statistic: cloudwatch.Stats.MAXIMUM,
    }),
    threshold: 0,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
