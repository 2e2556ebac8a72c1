interface PlaceholderCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface ClientEndpointConfig {
  endpoint?: string;
  region?: string;
  credentials?: PlaceholderCredentials;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A stand-in on this machine ignores credentials but the SDK still signs requests, so it gets
 * fixed placeholder ones instead of searching the credential chain (which fails on a dev box).
 * Anything not on loopback uses the normal chain.
 */
export const clientEndpointConfig = (
  endpoint: string | undefined,
  region: string | undefined,
): ClientEndpointConfig => {
  const config: ClientEndpointConfig = {};
  if (region !== undefined) config.region = region;
  if (endpoint !== undefined) {
    config.endpoint = endpoint;
    if (loopbackHosts.has(new URL(endpoint).hostname)) {
      config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    }
  }
  return config;
};
