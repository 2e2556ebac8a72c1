import { createRequire } from 'node:module';
import { freePort } from './free-port.js';

export interface S3Local {
  endpoint: string;
  stop(): Promise<void>;
}

interface S3rverInstance {
  run(): Promise<unknown>;
  close(): Promise<unknown>;
}

/** s3rver has no type declarations: check the shape of what it exports instead of casting. */
const loadS3rver = (): (new (options: Record<string, unknown>) => S3rverInstance) => {
  const loaded: unknown = createRequire(import.meta.url)('s3rver');
  if (typeof loaded !== 'function') throw new Error('s3rver does not export a constructor');
  const s3rverClass = loaded;
  return class {
    private readonly server: unknown;
    constructor(options: Record<string, unknown>) {
      this.server = Reflect.construct(s3rverClass, [options]);
    }
    run(): Promise<unknown> {
      return Reflect.apply(Reflect.get(Object(this.server), 'run'), this.server, []);
    }
    close(): Promise<unknown> {
      return Reflect.apply(Reflect.get(Object(this.server), 'close'), this.server, []);
    }
  };
};

/**
 * s3rver only accepts its own dummy key pair; every local client here signs with the same
 * placeholder pair (see shared/adapters/local-endpoint.ts), so register that pair with it.
 */
const allowPlaceholderCredentials = (): void => {
  const accounts: unknown = createRequire(import.meta.url)('s3rver/lib/models/account');
  const dummy: unknown = typeof accounts === 'function' ? Reflect.get(accounts, 'DUMMY_ACCOUNT') : undefined;
  const createKeyPair: unknown =
    dummy === undefined ? undefined : Reflect.get(Object(dummy), 'createKeyPair');
  if (typeof createKeyPair !== 'function') throw new Error('s3rver account registry not found');
  Reflect.apply(createKeyPair, dummy, ['local', 'local']);
};

/** An S3 API on loopback (s3rver) storing objects under `directory`, with the given buckets. */
export const startS3Local = async (options: {
  directory: string;
  buckets: readonly string[];
  port?: number;
}): Promise<S3Local> => {
  const port = options.port !== undefined && options.port !== 0 ? options.port : await freePort();
  const S3rver = loadS3rver();
  allowPlaceholderCredentials();
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory: options.directory,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, stop: async () => void (await server.close()) };
};
