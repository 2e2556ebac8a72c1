import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface LocalRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface LocalResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export type LocalRouteHandler = (request: LocalRequest) => Promise<LocalResponse>;

export interface LocalRoute {
  method: string;
  /** Exact path match; the API routes bring their own path templates. */
  path: string;
  handle: LocalRouteHandler;
}

export const json = (status: number, value: unknown): LocalResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(value),
});

const errorBody = (code: string, message: string) => ({ error: { code, message, fields: [] } });

const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the body; past the limit it keeps draining but reports `undefined` (answered 413). */
const readBody = (request: IncomingMessage): Promise<string | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')),
    );
    request.on('error', reject);
  });

/** Answers what the route table does not know (static pages); undefined means "not mine". */
export type LocalFallback = (request: LocalRequest) => Promise<LocalResponse | undefined>;

const route = async (
  routes: readonly LocalRoute[],
  fallbacks: readonly LocalFallback[],
  request: LocalRequest,
): Promise<LocalResponse> => {
  const samePath = routes.filter((candidate) => candidate.path === request.path);
  if (samePath.length === 0) {
    for (const fallback of fallbacks) {
      const answered = await fallback(request);
      if (answered !== undefined) return answered;
    }
    return json(404, errorBody('not_found', `No route for ${request.path}`));
  }
  const match = samePath.find((candidate) => candidate.method === request.method);
  if (match === undefined) {
    const allowed = samePath.map((candidate) => candidate.method).join(', ');
    return { ...json(405, errorBody('method_not_allowed', `Use ${allowed}`)), headers: { allow: allowed } };
  }
  return match.handle(request);
};

const respond = (response: ServerResponse, result: LocalResponse): void => {
  response.writeHead(result.status, { 'content-type': 'application/json; charset=utf-8', ...result.headers });
  response.end(result.body);
};

/** Serves the local routes on 127.0.0.1 only. Internal errors never reach the client. */
export const startHttpServer = (
  routes: readonly LocalRoute[],
  port: number,
  fallbacks: readonly LocalFallback[] = [],
): Promise<Server> =>
  new Promise((resolve, reject) => {
    const server = createServer((incoming, outgoing) => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      readBody(incoming)
        .then((body) =>
          body === undefined
            ? json(413, errorBody('payload_too_large', 'The body is too large.'))
            : route(routes, fallbacks, {
                method: incoming.method ?? 'GET',
                path: url.pathname,
                query: url.searchParams,
                headers: incoming.headers,
                body,
              }),
        )
        .then((result) => respond(outgoing, result))
        .catch((error: unknown) => {
          process.stderr.write(`local server error: ${error instanceof Error ? error.message : 'unknown'}\n`);
          if (!outgoing.headersSent) respond(outgoing, json(500, errorBody('internal', 'Internal error')));
        });
    });
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
