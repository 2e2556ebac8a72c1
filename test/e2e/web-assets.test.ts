import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalRequest, LocalResponse } from '../../infra/local/http-server.js';
import { createWebAssets, type WebAssets } from '../../infra/local/web-assets.js';

const get = (path: string, method = 'GET'): LocalRequest => ({
  method,
  path,
  query: new URLSearchParams(),
  headers: {},
  body: '',
});

const served = (response: LocalResponse | undefined): LocalResponse => {
  if (response === undefined) throw new Error('expected the web assets to answer');
  return response;
};

describe('web assets for the local server', () => {
  let web: WebAssets;

  beforeAll(async () => {
    web = await createWebAssets();
  });

  it('serves the form at / with the security headers and no caching', async () => {
    const page = served(await web.fallback(get('/')));
    expect(page.status).toBe(200);
    expect(page.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    const csp = page.headers?.['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.body).toMatch(/<script type="module" src="\/assets\/form-page-[A-Z0-9]+\.js"><\/script>/);
  });

  it('serves the status page for a reference, and the assets the pages link to', async () => {
    const page = served(await web.fallback(get('/status/RD-20261123-7K3QX9')));
    expect(page.status).toBe(200);
    const linked = [...page.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map(
      (match) => match[1] ?? '',
    );
    expect(linked.some((path) => /status-page-.+\.js$/.test(path))).toBe(true);
    expect(linked.some((path) => path.endsWith('.css'))).toBe(true);
    for (const path of linked) {
      const asset = served(await web.fallback(get(path)));
      expect(asset.status, path).toBe(200);
      expect(asset.headers?.['x-content-type-options']).toBe('nosniff');
    }
    const script = linked.find((path) => path.endsWith('.js')) ?? '';
    expect(served(await web.fallback(get(script))).headers?.['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    const css = linked.find((path) => path.endsWith('.css')) ?? '';
    expect(served(await web.fallback(get(css))).headers?.['content-type']).toBe('text/css; charset=utf-8');
  });

  it('keeps the bundle free of unused zod locales', async () => {
    const page = served(await web.fallback(get('/')));
    const scripts = [...page.body.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(
      (match) => match[1] ?? '',
    );
    let size = 0;
    for (const path of scripts) size += served(await web.fallback(get(path))).body.length;
    expect(size).toBeLessThan(200_000);
  });

  it('answers 404 for an unknown asset and leaves every other path to the API', async () => {
    expect(served(await web.fallback(get('/assets/nothing.js'))).status).toBe(404);
    expect(await web.fallback(get('/api/complaints'))).toBeUndefined();
    expect(await web.fallback(get('/api/complaints/RD-1'))).toBeUndefined();
    expect(await web.fallback(get('/_local/clock'))).toBeUndefined();
    expect(await web.fallback(get('/health'))).toBeUndefined();
    expect(await web.fallback(get('/status/a/b'))).toBeUndefined();
    expect(await web.fallback(get('/', 'POST'))).toBeUndefined();
    expect(served(await web.fallback(get('/', 'HEAD'))).status).toBe(200);
  });
});
