import { buildWebAssets, type WebFile } from '../../web/build.js';
import { webSecurityHeaders } from '../../web/security-headers.js';
import type { LocalRequest, LocalResponse } from './http-server.js';

export interface WebAssets {
  /** Answers GET/HEAD for the public pages and their assets; undefined for anything else. */
  fallback: (request: LocalRequest) => Promise<LocalResponse | undefined>;
}

// One path segment after /status/; the page itself tells an unknown reference from a known one.
const STATUS_PATH = /^\/status\/[^/]+\/?$/;
// The console routes in the browser: its list, its register form and any case page share one shell.
const CONSOLE_PATH = /^\/console(?:\/.*)?$/;

const serve = (file: WebFile): LocalResponse => ({
  status: 200,
  headers: {
    ...webSecurityHeaders,
    'content-type': file.contentType,
    // Local builds change on every restart and the status address carries a token: keep nothing.
    'cache-control': 'no-store',
  },
  body: file.body,
});

const notFound = (): LocalResponse => ({
  status: 404,
  headers: {
    ...webSecurityHeaders,
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  },
  body: 'Not found\n',
});

/**
 * Builds the public pages once, in memory, and serves them for the local HTTP server: `/` is
 * the complaint form, `/status/{reference}` the status page, `/console/*` the staff console,
 * `/assets/*` the bundles and CSS.
 * API and local-control paths are never answered here, so a missing API route stays a JSON 404.
 */
export const createWebAssets = async (): Promise<WebAssets> => {
  const built = await buildWebAssets();
  const assets = new Map(built.assets.map((file) => [`/${file.key}`, file]));

  const fallback = async (request: LocalRequest): Promise<LocalResponse | undefined> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const { path } = request;
    if (path === '/' || path === '/index.html') return serve(built.formPage);
    if (STATUS_PATH.test(path)) return serve(built.statusPage);
    if (CONSOLE_PATH.test(path)) return serve(built.consolePage);
    if (path.startsWith('/assets/')) {
      const file = assets.get(path);
      return file === undefined ? notFound() : serve(file);
    }
    return undefined;
  };

  return { fallback };
};
