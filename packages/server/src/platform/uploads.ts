import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';

type HookName = 'onRequest' | 'onResponse';
type AddHook = (name: string, hook: unknown) => FastifyInstance;
const PER_REQUEST: readonly string[] = ['onRequest', 'onResponse'] satisfies HookName[];
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Multipart uploads (@fastify/multipart: `request.file()`, `request.isMultipart()`, its body parser).
 *
 * The plugin adds an onRequest and an onResponse hook to every route of the app: they clean up the temporary files
 * of its disk mode when the answer ends or the client goes away. Only a request with a body can upload a file, so
 * those two hooks are given to the routes whose method takes a body, not run on every read (issue #15: two async
 * hooks, two promises and a socket listener per request). Everything else the plugin sets up is left as it is.
 */
export async function installUploads(app: FastifyInstance): Promise<void> {
  const hooks: Array<[HookName, unknown]> = [];
  const addHook: AddHook = app.addHook.bind(app) as unknown as AddHook;
  // The plugin is wrapped by fastify-plugin, so it adds its hooks on this very instance while it registers.
  const collecting: AddHook = (name, hook) => {
    if (!PER_REQUEST.includes(name)) return addHook(name, hook);
    hooks.push([name as HookName, hook]);
    return app;
  };
  const own = Object.getOwnPropertyDescriptor(app, 'addHook');
  Object.assign(app, { addHook: collecting });
  try {
    await app.register(multipart);
  } finally {
    if (own) Object.defineProperty(app, 'addHook', own);
    else delete (app as Partial<Record<'addHook', unknown>>).addHook;
  }
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (methods.every((method) => BODYLESS.has(method))) return;
    const options = route as unknown as Record<HookName, unknown>;
    for (const [name, hook] of hooks) options[name] = [...[options[name] ?? []].flat(), hook];
  });
}
