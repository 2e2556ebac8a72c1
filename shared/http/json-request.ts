import type { APIGatewayProxyEvent } from 'aws-lambda';
import { HttpProblem } from './http-problem.js';

export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** Header lookup that ignores case, as HTTP does. */
export const headerValue = (event: APIGatewayProxyEvent, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted && value !== undefined) return value;
  }
  return undefined;
};

/** Size, media type and syntax checks before any schema sees the body. */
export const readJsonBody = (event: APIGatewayProxyEvent, maxBytes = MAX_JSON_BODY_BYTES): unknown => {
  const body = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  if (bytes.length > maxBytes) {
    throw new HttpProblem(413, 'payload_too_large', `The body must be at most ${maxBytes} bytes.`);
  }
  const mediaType = headerValue(event, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new HttpProblem(415, 'unsupported_media_type', 'Send the complaint as application/json.');
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new HttpProblem(415, 'unsupported_media_type', 'The body is not valid JSON.');
  }
};
