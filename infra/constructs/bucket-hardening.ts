import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * What every bucket holding complaint mail or evidence gets: encrypted at rest, private, TLS
 * only, owned by this account whoever writes the object, kept when it leaves the stack, and
 * its requests logged to `accessLogs` under `logPrefix`.
 *
 * S3-managed keys rather than a KMS key: SES writes raw mail as its own service principal, so a
 * customer-managed key would need a key policy for ses.amazonaws.com and every reader a decrypt
 * grant, while access to the objects is already limited by the bucket policy and the narrow
 * object grants below. Server access log delivery only supports S3-managed keys anyway.
 */
export const hardenedBucketProps = (accessLogs: s3.IBucket, logPrefix: string): s3.BucketProps => ({
  encryption: s3.BucketEncryption.S3_MANAGED,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
  serverAccessLogsBucket: accessLogs,
  serverAccessLogsPrefix: logPrefix,
  // Raw complaints and their evidence are regulatory records: a stack deletion must not take them.
  removalPolicy: RemovalPolicy.RETAIN,
});

/**
 * The cdk-nag AwsSolutions-IAM5 finding an object grant under `prefix` of `bucket` raises, so an
 * acknowledgement names exactly that grant and any other wildcard is still reported.
 */
export const objectWildcardFinding = (bucket: s3.Bucket, prefix: string): string => {
  const cfnBucket = bucket.node.defaultChild;
  if (!(cfnBucket instanceof s3.CfnBucket)) throw new Error(`${bucket.node.path} has no CfnBucket`);
  return `AwsSolutions-IAM5[Resource::<${Stack.of(bucket).getLogicalId(cfnBucket)}.Arn>/${prefix}*]`;
};
