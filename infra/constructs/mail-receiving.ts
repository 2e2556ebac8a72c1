import { ArnFormat, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { z } from 'zod';
import { hardenedBucketProps } from './bucket-hardening.js';
import type { ComplaintMail } from './complaint-mail.js';

/** Where the receipt rule stores raw mail; the gateway is notified of, and may read, nothing else. */
export const inboundMailPrefix = 'inbound/';

/**
 * Raw mail outlives the longest statutory path of a complaint (decision by day 60, review applied
 * for within 30 days and decided within 30 more) with room for a yearly audit. The case keeps
 * what was extracted from it (text, attachments), so the raw copy is not the record.
 */
export const defaultRawMailRetention = Duration.days(400);

/** Who touched raw mail and evidence stays answerable after the raw mail itself has gone. */
const accessLogRetention = Duration.days(730);

/** SES accepts at most 100 recipients per receipt rule. */
const maxRecipients = 100;

export interface MailReceivingSettings {
  /**
   * Addresses (`complaints@bank.example`) and domains (`bank.example`, or `.bank.example` for all
   * its subdomains) whose mail is taken in as complaints. SES only receives for verified domains.
   * @default the ComplaintMail complaints address
   */
  readonly recipients?: readonly string[];
  /** How long raw mail stays in the inbound bucket. @default defaultRawMailRetention */
  readonly rawMailRetention?: Duration;
}

export interface MailReceivingProps extends MailReceivingSettings {
  /** Its complaints address is the default recipient. */
  readonly mail: ComplaintMail;
}

const domainPattern = /^\.?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const recipientSchema = z.union([z.email(), z.string().regex(domainPattern)]);

const parseRecipients = (recipients: readonly string[]): string[] => {
  // An empty list would make SES match every recipient of every verified domain in the account.
  if (recipients.length === 0 || recipients.length > maxRecipients) {
    throw new Error(`MailReceiving: recipients must list 1..${maxRecipients} addresses or domains`);
  }
  return recipients.map((recipient) => {
    if (Token.isUnresolved(recipient) || !recipientSchema.safeParse(recipient).success) {
      throw new Error(`MailReceiving: recipient ${recipient} is not a literal address or domain`);
    }
    return recipient;
  });
};

/**
 * The receipt rule's S3 action with a bucket policy narrower than `aws-ses-actions.S3` writes:
 * SES may put objects under the inbound prefix only for receipt rules of this rule set in this
 * account, not for any rule set of the account.
 */
class StoreRawMail implements ses.IReceiptRuleAction {
  constructor(
    private readonly bucket: s3.Bucket,
    private readonly ruleSetName: string,
  ) {}

  bind(rule: ses.IReceiptRuleRef): ses.ReceiptRuleActionConfig {
    const stack = Stack.of(rule);
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'SesStoresInboundMail',
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`${inboundMailPrefix}*`)],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          // The rule's own name is not known before it exists and the rule depends on this policy,
          // so the condition names the rule set and any rule in it.
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'ses',
              resource: 'receipt-rule-set',
              resourceName: `${this.ruleSetName}:receipt-rule/*`,
              arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    // SES test-writes to the bucket when the rule is created, so the policy must exist first.
    if (this.bucket.policy !== undefined) rule.node.addDependency(this.bucket.policy);
    return { s3Action: { bucketName: this.bucket.bucketName, objectKeyPrefix: inboundMailPrefix } };
  }
}

/**
 * Receiving complaint mail: an SES receipt rule set whose one rule takes mail for the configured
 * recipients over TLS only, has SES scan it (the spam and virus verdict headers the gateway
 * reads), and stores the raw MIME under `inbound/` of a private bucket that expires it.
 * Also owns the bucket the mail buckets write their server access logs to.
 *
 * SES has one active receipt rule set per account and region, and CloudFormation (so
 * aws-cdk-lib) cannot make a rule set active. Activating `ruleSet` is a deployment step:
 * `aws ses set-active-receipt-rule-set --rule-set-name <ReceiptRuleSetName output>`.
 * An account that already has an active rule set in use needs this rule there instead.
 */
export class MailReceiving extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessLogsBucket: s3.Bucket;
  readonly ruleSet: ses.ReceiptRuleSet;
  readonly rule: ses.ReceiptRule;
  readonly recipients: readonly string[];

  constructor(scope: Construct, id: string, props: MailReceivingProps) {
    super(scope, id);
    // Log delivery through a bucket policy (logging.s3.amazonaws.com, limited to the source
    // buckets) instead of the legacy LogDeliveryWrite ACL, which needs ACLs switched back on.
    // The flag is read on the log bucket, so it is set here, before any child exists.
    this.node.setContext(cxapi.S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    this.recipients = parseRecipients(props.recipients ?? [props.mail.complaintsAddress]);
    const retention = props.rawMailRetention ?? defaultRawMailRetention;
    if (retention.toDays() < 1) throw new Error('MailReceiving: rawMailRetention must be at least one day');

    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: accessLogRetention }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the server access log bucket of the mail buckets; logging its own requests into itself would log every log delivery.',
    });

    // Versioning off: SES writes each mail once under a key of its own, no role may overwrite or
    // delete it, and expiry must remove the raw mail rather than leave a hidden noncurrent copy.
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...hardenedBucketProps(this.accessLogsBucket, 'inbound-mail/'),
      versioned: false,
      lifecycleRules: [
        {
          id: 'ExpireRawMail',
          expiration: retention,
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });

    this.ruleSet = new ses.ReceiptRuleSet(this, 'RuleSet');
    this.rule = this.ruleSet.addRule('Complaints', {
      recipients: [...this.recipients],
      enabled: true,
      scanEnabled: true,
      // Complaints name the customer and their account: a sender that cannot do TLS is refused.
      tlsPolicy: ses.TlsPolicy.REQUIRE,
      actions: [new StoreRawMail(this.bucket, this.ruleSet.receiptRuleSetName)],
    });
  }

  /** s3:GetObject under the inbound prefix; no list, no write, no delete. */
  grantReadMail(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['s3:GetObject'],
      resourceArns: [this.bucket.arnForObjects(`${inboundMailPrefix}*`)],
    });
  }
}
