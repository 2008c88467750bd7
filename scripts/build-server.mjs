// Bundles the server (packages/server/src/server.ts and the domain it imports) into one ES module with esbuild, so
// `npm start` and the e2e servers run plain JavaScript instead of transpiling ~500 TypeScript files through tsx on
// every start (issue #15: about half of a warm start). Rebuilt only when a source is newer than the bundle, as the
// web app is (build-web.mjs). npm packages stay external: node loads them from node_modules as before.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = [path.join(root, 'packages/server/src'), path.join(root, 'packages/domain/src')];
export const SERVER_BUNDLE = path.join(root, 'packages/server/dist/server.mjs');
const outDir = path.dirname(SERVER_BUNDLE);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * `import.meta.url` of a bundled file would name the bundle, not the file: the paths the server finds beside its
 * sources (the migrations folder, the GB/T 4754 table, the built web app) must stay relative to the source file.
 */
const sourceRelativeMetaUrl = {
  name: 'source-relative-import-meta-url',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]packages[\\/](server|domain)[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const relative = path.relative(outDir, args.path).split(path.sep).join('/');
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

/** npm packages are loaded by node at run time; the workspace's own (@pgs/domain, TypeScript) are bundled. */
const externalPackages = {
  name: 'external-npm-packages',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@pgs/') ? undefined : { path: args.path, external: true },
    );
  },
};

export async function buildServerIfStale({ force = false } = {}) {
  const newest = Math.max(
    ...sources.map(newestMtime),
    statSync(fileURLToPath(import.meta.url)).mtimeMs,
    statSync(path.join(root, 'package-lock.json')).mtimeMs,
  );
  if (!force && existsSync(SERVER_BUNDLE) && statSync(SERVER_BUNDLE).mtimeMs >= newest) return SERVER_BUNDLE;
  // Loaded only when a build is needed: importing esbuild is a cost every warm start would pay for nothing.
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(root, 'packages/server/src/server.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [externalPackages, sourceRelativeMetaUrl],
  });
  return SERVER_BUNDLE;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  await buildServerIfStale({ force: process.argv.includes('--force') });
