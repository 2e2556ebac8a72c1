import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { tracer } from '../../observability/powertools.js';
import { clientEndpointConfig } from '../local-endpoint.js';

/** The port for raw mail and attachments: bytes in, bytes out, by bucket and key. */
export interface ObjectStore {
  get(bucket: string, key: string): Promise<Uint8Array>;
  put(bucket: string, key: string, body: Uint8Array, contentType: string): Promise<void>;
}

export const createS3Client = (options: { endpoint?: string; region?: string } = {}): S3Client =>
  tracer.captureAWSv3Client(
    new S3Client({
      ...clientEndpointConfig(options.endpoint, options.region),
      // Local stand-ins serve buckets by path, not by virtual host.
      forcePathStyle: options.endpoint !== undefined,
    }),
  );

export class S3ObjectStore implements ObjectStore {
  constructor(private readonly client: S3Client) {}

  async get(bucket: string, key: string): Promise<Uint8Array> {
    const result = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (result.Body === undefined) throw new Error(`object ${key} has no body`);
    return result.Body.transformToByteArray();
  }

  async put(bucket: string, key: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }
}
