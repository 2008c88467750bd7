import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Who is on the other end of the request being served: what the audit trail records beside the actor. */
export type RequestClient = { address: string; userAgent: string | null };

const storage = new AsyncLocalStorage<RequestClient>();
const clientOf = new WeakMap<FastifyRequest, RequestClient>();
/** A user agent is the client's own text: bounded, so a 16 KB header does not land in every audit row. */
const MAX_USER_AGENT = 512;

/** The client of the request this code runs for, or null outside any request (start-up seeding, scripts). */
export function currentRequestClient(): RequestClient | null {
  return storage.getStore() ?? null;
}

/**
 * Opens the request's context in `onRequest` and opens it again in `preValidation` when a parsed body resumed in
 * the socket's async context rather than the hook's (the approach of @fastify/request-context, which keeps an
 * AsyncResource per request for it; the client itself is all the second hook needs, issue #15). A request without
 * a body is still in its context there, and is not given a second one. `request.ip` follows the app's trustProxy
 * setting.
 */
export function installRequestContext(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const userAgent = request.headers['user-agent'];
    const client: RequestClient = {
      address: request.ip,
      userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT) : null,
    };
    clientOf.set(request, client);
    storage.run(client, done);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const client = clientOf.get(request);
    if (client && storage.getStore() !== client) storage.run(client, done);
    else done();
  });
}
