import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

const NAMESPACE = 'zod-slim';
// Whitespace may sit around the dots: the formatter splits long chains such as `z\n  .string()`.
const MEMBER_ACCESS = /\bz\s*\.\s*([A-Za-z_$][\w$]*)(?:\s*\.\s*([A-Za-z_$][\w$]*))?/g;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

type ZodRuntime = Readonly<Record<string, unknown>>;

const loadRuntime = async (): Promise<ZodRuntime> => {
  const runtime: ZodRuntime = await import('zod');
  return runtime;
};

/** `z.iso.date` becomes `iso -> {date}`; `z.string` becomes `string -> {}`. */
const membersUsed = (source: string, runtime: ZodRuntime): Map<string, Set<string>> => {
  const used = new Map<string, Set<string>>();
  for (const [, member, nested] of source.matchAll(MEMBER_ACCESS)) {
    // Type-only names (z.infer, z.ZodType in annotations) have no runtime value and are skipped.
    if (member === undefined || !(member in runtime) || !IDENTIFIER.test(member)) continue;
    const children = used.get(member) ?? new Set<string>();
    const value = runtime[member];
    const isNamespace = typeof value === 'object' && value !== null;
    if (isNamespace && nested !== undefined && nested in value) children.add(nested);
    used.set(member, children);
  }
  return used;
};

const moduleFor = (used: Map<string, Set<string>>): string => {
  const entries = [...used].map(([member, children]) =>
    children.size === 0
      ? `${member}: zod.${member}`
      : `${member}: { ${[...children].map((child) => `${child}: zod.${member}.${child}`).join(', ')} }`,
  );
  return [
    "import * as zod from 'zod';",
    "export * from 'zod';",
    `export const z = { ${entries.join(', ')} };`,
    '',
  ].join('\n');
};

/**
 * zod's `z` is a namespace object re-exported as a value, and esbuild keeps every export of a
 * namespace it has to build as an object: all of zod, every locale included (about 400 kB).
 * This plugin gives each module that imports `zod` a `z` holding only the members that module
 * reads (`z.string`, `z.iso.date`, ...), each taken from zod's own exports, so the bundle
 * carries what the schemas use and nothing else. The schemas' source is unchanged and the
 * server keeps importing zod as usual.
 */
export const zodSlimPlugin = (): Plugin => ({
  name: NAMESPACE,
  setup(build) {
    const runtime = loadRuntime();
    build.onResolve({ filter: /^zod$/ }, (args) => {
      // The generated module itself imports the real zod; let the normal resolver take that.
      if (args.namespace === NAMESPACE || args.importer === '') return undefined;
      return { path: args.importer, namespace: NAMESPACE, pluginData: { resolveDir: args.resolveDir } };
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const resolveDir: unknown = args.pluginData?.resolveDir;
      return {
        contents: moduleFor(membersUsed(source, await runtime)),
        loader: 'js',
        resolveDir: typeof resolveDir === 'string' ? resolveDir : undefined,
      };
    });
  },
});
