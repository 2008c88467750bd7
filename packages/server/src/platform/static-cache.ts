import path from 'node:path';
import type { FastifyReply } from 'fastify';

/**
 * Issue #9 (serving): Vite names every built asset by its content hash (`/assets/index-3f9a….js`), so it can be
 * cached for a year and never revalidated; `index.html` and any other unhashed file must be revalidated on every
 * load, or a new release would run with the old page.
 */
export function staticCacheHeaders(reply: FastifyReply, filePath: string) {
  const inAssets = filePath.split(path.sep).includes('assets');
  reply.header('cache-control', inAssets ? 'public, max-age=31536000, immutable' : 'no-cache');
}
