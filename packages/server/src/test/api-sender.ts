import type { InjectOptions } from 'fastify';
import type { TestApp } from './test-app.ts';

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request to /api/v1 on `server` with `cookie` (none: anonymous) and extra headers or a client address. */
export function sendTo(
  server: Pick<TestApp, 'app'>,
  cookie: string | null,
  method: ApiMethod,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
  remoteAddress?: string,
) {
  return server.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: cookie === null ? headers : { cookie, ...headers },
    ...(remoteAddress === undefined ? {} : { remoteAddress }),
    ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
  });
}

/**
 * The sender a server test file uses: `send(user, method, url, payload?, headers?)` as the signed-in `user` (null:
 * anonymous). The same seven lines were written out in 26 test files (issue #11). `server` and `cookies` are read
 * at each call, since a file makes its app and signs its users in inside `beforeAll`, after this line ran; a user
 * who never signed in is a mistake in the test, said at once rather than sent as a request without a session.
 */
export function apiSender(server: () => Pick<TestApp, 'app'>, cookies: Record<string, string>) {
  return (
    user: string | null,
    method: ApiMethod,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
    remoteAddress?: string,
  ) => sendTo(server(), user === null ? null : cookieOf(cookies, user), method, url, payload, headers, remoteAddress);
}

export function cookieOf(cookies: Record<string, string>, user: string): string {
  const cookie = cookies[user];
  if (cookie === undefined) throw new Error(`test user ${user} has not signed in (no cookie)`);
  return cookie;
}
