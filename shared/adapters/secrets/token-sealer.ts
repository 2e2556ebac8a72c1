import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { sealToken, unsealToken } from '../../http/sealed-token.js';
import { tracer } from '../../observability/powertools.js';

/**
 * Seals a customer's status token while an acknowledgement waits in the outbox: the token is
 * stored nowhere in clear, yet the acknowledgement, whenever it goes out, links to the status page.
 */
export interface TokenSealer {
  seal(token: string): Promise<string>;
  unseal(sealed: string): Promise<string>;
}

/** A sealer over key material already at hand (the local runtime's generated key, tests). */
export const tokenSealerFromKey = (key: string): TokenSealer => ({
  seal: async (token) => sealToken(token, key),
  unseal: async (sealed) => unsealToken(sealed, key),
});

/**
 * A sealer whose key is a Secrets Manager secret, read once per cold start on first use (a
 * function that never seals never reads it).
 */
export const secretsManagerTokenSealer = (secretArn: string, region: string): TokenSealer => {
  let key: Promise<string> | undefined;
  const keyOnce = (): Promise<string> => {
    key ??= tracer
      .captureAWSv3Client(new SecretsManagerClient({ region }))
      .send(new GetSecretValueCommand({ SecretId: secretArn }))
      .then((output) => {
        if (output.SecretString === undefined || output.SecretString.length < 32) {
          throw new Error('the token-sealing secret is missing or shorter than 32 characters');
        }
        return output.SecretString;
      });
    // A failed read is tried again on the next call rather than remembered.
    key.catch(() => {
      key = undefined;
    });
    return key;
  };
  return {
    seal: async (token) => sealToken(token, await keyOnce()),
    unseal: async (sealed) => unsealToken(sealed, await keyOnce()),
  };
};
