import { createHash } from 'node:crypto';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { zodSlimPlugin } from './zod-slim-plugin.js';

/**
 * Builds the public pages and the staff console in memory: small HTML shells, the browser bundles and the
 * stylesheet. The local server serves the result from memory; a deployment can write the same
 * files to a bucket under the same keys, so both serve byte-identical pages.
 */

export interface WebFile {
  /** Object key and URL path without the leading slash, e.g. `assets/form-page-AB12CD34.js`. */
  key: string;
  contentType: string;
  body: string;
}

export interface WebBuild {
  /** Served at `/`. */
  formPage: WebFile;
  /** Served at `/status/{reference}`; the page reads the reference and token from its address. */
  statusPage: WebFile;
  /** Served at `/console` and every path below it; the staff console routes on its address. */
  consolePage: WebFile;
  /** Everything under `assets/`; names carry a content hash, so they can be cached forever. */
  assets: readonly WebFile[];
}

const webDir = dirname(fileURLToPath(import.meta.url));
const outDir = join(webDir, 'dist');

const contentTypeOf = (key: string): string => {
  if (key.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (key.endsWith('.css')) return 'text/css; charset=utf-8';
  if (key.endsWith('.svg')) return 'image/svg+xml';
  if (key.endsWith('.html')) return 'text/html; charset=utf-8';
  throw new Error(`no content type known for ${key}`);
};

const toKey = (absolutePath: string): string => relative(outDir, absolutePath).split(sep).join('/');

const shortHash = (body: string): string =>
  createHash('sha256').update(body).digest('hex').slice(0, 8).toUpperCase();

const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b4f8a"/>' +
  '<path d="M8 9h16v11H14l-4 4v-4H8z" fill="#fff"/></svg>';

interface ShellParts {
  script: string;
  preload: readonly string[];
  stylesheets: readonly string[];
  icon: string;
}

/**
 * The page before its script runs: nothing but links to our own assets, so the CSP needs no
 * inline allowance. The script replaces #app with the page in the visitor's language.
 */
const shell = ({ script, preload, stylesheets, icon }: ShellParts): string =>
  [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<title>客户投诉服务 · Customer complaints</title>',
    `<link rel="icon" href="/${icon}" type="image/svg+xml">`,
    ...stylesheets.map((stylesheet) => `<link rel="stylesheet" href="/${stylesheet}">`),
    ...preload.map((chunk) => `<link rel="modulepreload" href="/${chunk}">`),
    `<script type="module" src="/${script}"></script>`,
    '</head>',
    '<body>',
    '<div id="app"><noscript><p lang="zh-CN">请开启浏览器的 JavaScript 后使用本页面，或致电客服热线投诉。</p>',
    '<p lang="en">Please turn on JavaScript to use this page, or call us to make your complaint.</p></noscript></div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');

export const buildWebAssets = async (): Promise<WebBuild> => {
  const result = await build({
    absWorkingDir: webDir,
    entryPoints: {
      'form-page': 'src/form-page.ts',
      'status-page': 'src/status-page.ts',
      site: 'styles/site.css',
      'console-page': 'src/console/console-page.ts',
      console: 'src/console/console.css',
    },
    outdir: join(outDir, 'assets'),
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    // Both pages share zod and the dictionary; one shared chunk is fetched once for both.
    splitting: true,
    minify: true,
    target: 'es2020',
    format: 'esm',
    platform: 'browser',
    charset: 'utf8',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [zodSlimPlugin()],
  });

  const assets: WebFile[] = result.outputFiles.map((file) => {
    const key = toKey(file.path);
    return { key, contentType: contentTypeOf(key), body: file.text };
  });
  const iconKey = `assets/icon-${shortHash(ICON_SVG)}.svg`;
  assets.push({ key: iconKey, contentType: contentTypeOf(iconKey), body: ICON_SVG });

  const outputs = Object.entries(result.metafile.outputs);
  const outputOf = (entryPoint: string, extension: string) => {
    const found = outputs.find(
      ([path, output]) => output.entryPoint === entryPoint && path.endsWith(extension),
    );
    if (found === undefined) throw new Error(`the web build produced nothing for ${entryPoint}`);
    const [path, output] = found;
    return {
      key: toKey(join(webDir, path)),
      imports: output.imports
        .filter((entry) => entry.kind === 'import-statement')
        .map((entry) => toKey(join(webDir, entry.path))),
    };
  };
  const stylesheet = outputOf('styles/site.css', '.css').key;
  const consoleStylesheet = outputOf('src/console/console.css', '.css').key;
  const page = (key: string, entryPoint: string, extraStylesheets: readonly string[] = []): WebFile => {
    const script = outputOf(entryPoint, '.js');
    return {
      key,
      contentType: contentTypeOf(key),
      body: shell({
        script: script.key,
        preload: script.imports,
        stylesheets: [stylesheet, ...extraStylesheets],
        icon: iconKey,
      }),
    };
  };

  return {
    formPage: page('index.html', 'src/form-page.ts'),
    statusPage: page('status.html', 'src/status-page.ts'),
    consolePage: page('console.html', 'src/console/console-page.ts', [consoleStylesheet]),
    assets,
  };
};
