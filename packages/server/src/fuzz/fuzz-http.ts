import http from 'node:http';
import { type FuzzRequest } from './fuzz-operations.ts';
import { FUZZ_DEADLINES } from './fuzz-runner.ts';

export type Answer = { status: number; body: string; ms: number; headers: http.IncomingHttpHeaders };

/** Non-ASCII and control characters in a raw path are percent-encoded (Node refuses them), everything else is sent as is. */
export function rawPath(url: string): string {
  return url.replace(/[^\x21-\x7e]/gu, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return '%ED%A0%80';
    }
  });
}

export function send(
  port: number,
  agent: http.Agent,
  request: FuzzRequest,
  cookie: string | undefined,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const headers: Record<string, string | number> = { ...request.headers };
    if (cookie) headers.cookie = cookie;
    if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body);
    const req = http.request(
      { host: '127.0.0.1', port, method: request.method, path: rawPath(request.url), headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
            headers: res.headers,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', (error) => {
      resolve({ status: 0, body: String(error), ms: performance.now() - started, headers: {} });
    });
    req.setTimeout(FUZZ_DEADLINES.uploadTimeoutMs + 30_000, () => req.destroy(new Error('no answer')));
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

export async function login(port: number, agent: http.Agent, username: string, password: string): Promise<string> {
  const answer = await send(
    port,
    agent,
    {
      mutation: 'baseline',
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    },
    undefined,
  );
  const cookie = String(answer.headers['set-cookie'] ?? '').split(';')[0];
  if (answer.status !== 200 || !cookie)
    throw new Error(`fuzz login ${username} failed: ${answer.status} ${answer.body}`);
  return cookie;
}
