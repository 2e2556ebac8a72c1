import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { RedressStack } from './stacks/redress-stack.js';

const app = new App();

/** A deployment's own values: `cdk synth -c redress:senderAddress=notices@bank.example`. */
const stringContext = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** A comma-separated list: `-c redress:inboundRecipients=complaints@bank.example,bank.example`. */
const listContext = (key: string): string[] | undefined =>
  stringContext(key)
    ?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

// Without CDK_DEFAULT_* (no credentials, CI) the stack stays environment-agnostic and still synthesizes.
new RedressStack(app, 'Redress', {
  description: 'Redress: complaint handling for retail banks',
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  publicBaseUrl: stringContext('redress:publicBaseUrl'),
  mail: {
    senderAddress: stringContext('redress:senderAddress'),
    complaintsAddress: stringContext('redress:complaintsAddress'),
  },
  inboundMail: { recipients: listContext('redress:inboundRecipients') },
});

// cdk-nag 3 runs as a synthesis validation plugin: an unacknowledged finding stops the synth,
// so a new construct cannot land with an unexplained finding.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
