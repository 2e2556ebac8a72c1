import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { z } from 'zod';

/** The addresses the local runtime uses too, so a default deployment and `npm start` look alike. */
export const defaultSenderAddress = 'complaints-noreply@bank.example';
export const defaultComplaintsAddress = 'complaints@bank.example';

/** SESv2 SendEmail is authorised as ses:SendEmail; SendRawEmail covers the v1 raw API. */
export const sesSendActions = ['ses:SendEmail', 'ses:SendRawEmail'] as const;

export interface ComplaintMailProps {
  /** From address of every notice. @default defaultSenderAddress */
  readonly senderAddress?: string;
  /** Where customers reply (Reply-To), so replies thread back to the case. @default defaultComplaintsAddress */
  readonly complaintsAddress?: string;
  /**
   * Only deliver over TLS. Notices name the complaint and the customer, so a receiving server
   * that cannot do TLS gets nothing rather than plain text; the delivery events then show it.
   * @default true
   */
  readonly requireTls?: boolean;
}

const emailSchema = z.email();

const parseAddress = (name: string, value: string): string => {
  if (Token.isUnresolved(value)) throw new Error(`ComplaintMail: ${name} must be a literal address`);
  if (!emailSchema.safeParse(value).success)
    throw new Error(`ComplaintMail: ${name} is not an e-mail address`);
  return value;
};

/**
 * The SES side of notices: a domain identity for the sender's domain (Easy DKIM, so its DNS
 * records must be published before SES verifies it) and the configuration set every notice is
 * sent with. The set's event destinations, which record deliveries on the case, are added by
 * the delivery-events concern.
 */
export class ComplaintMail extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  readonly configurationSetArn: string;
  readonly senderAddress: string;
  readonly complaintsAddress: string;

  constructor(scope: Construct, id: string, props: ComplaintMailProps = {}) {
    super(scope, id);
    this.senderAddress = parseAddress('senderAddress', props.senderAddress ?? defaultSenderAddress);
    this.complaintsAddress = parseAddress(
      'complaintsAddress',
      props.complaintsAddress ?? defaultComplaintsAddress,
    );
    const senderDomain = this.senderAddress.slice(this.senderAddress.lastIndexOf('@') + 1);

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      tlsPolicy:
        (props.requireTls ?? true)
          ? ses.ConfigurationSetTlsPolicy.REQUIRE
          : ses.ConfigurationSetTlsPolicy.OPTIONAL,
      reputationMetrics: true,
      sendingEnabled: true,
    });
    this.configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });

    // A domain identity rather than the single address: it carries DKIM for the bank's domain,
    // and the send grant below still names only this identity.
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: ses.Identity.domain(senderDomain),
      configurationSet: this.configurationSet,
    });
  }

  /**
   * Send as this identity with this configuration set, nothing else. While the account is in
   * the SES sandbox, SES also checks the recipients' identities, which this does not grant.
   */
  grantSend(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: [...sesSendActions],
      resourceArns: [this.identity.emailIdentityArn, this.configurationSetArn],
    });
  }
}
