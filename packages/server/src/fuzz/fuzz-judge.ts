import net from 'node:net';
import { type Operation } from './fuzz-operations.ts';
import { type Random } from './fuzz-values.ts';
import { type Answer, rawPath } from './fuzz-http.ts';
import { FUZZ_DEADLINES } from './fuzz-runner.ts';

const LEAKS = [
  /\bat [\w.<>]+ \(/,
  /node_modules/,
  /\/work\//,
  /\bSELECT\b|\bINSERT INTO\b|\bUPDATE \w+ SET\b/i,
  /Error:/,
  /stack/i,
];

export function judgeErrorBody(answer: Answer, url: string): string | null {
  if (!url.startsWith('/api/') || answer.status < 400) return null;
  let parsed: { error?: { code?: unknown; message?: unknown } };
  try {
    parsed = JSON.parse(answer.body) as typeof parsed;
  } catch {
    return 'error answer is not JSON';
  }
  if (typeof parsed.error?.code !== 'string' || typeof parsed.error.message !== 'string')
    return 'error answer lacks {error:{code,message}}';
  if (!/[\u4e00-\u9fa5]/.test(parsed.error.message)) return 'error message is not Chinese';
  const leak = LEAKS.find((pattern) => pattern.test(answer.body));
  return leak ? `error answer leaks internals (${leak})` : null;
}

export function diffCounts(
  before: Record<string, number>,
  after: Record<string, number>,
  allowed: readonly string[],
): string[] {
  return Object.keys({ ...before, ...after })
    .filter((table) => before[table] !== after[table] && !allowed.includes(table))
    .map((table) => `${table}: ${before[table]} → ${after[table]}`);
}

/** A body announced in full, half sent, then stalled: the server must answer 408 and close within the route's limit. */
export function stalledBody(
  port: number,
  operation: Operation,
  cookie: string | undefined,
  random: Random,
): Promise<{ ok: boolean; detail: string; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    const path = rawPath(operation.path.replace(/\{(\w+)\}/g, '1'));
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('error', () => {});
    const guard = setTimeout(() => socket.destroy(), FUZZ_DEADLINES.uploadTimeoutMs + 20_000);
    socket.on('close', () => {
      clearTimeout(guard);
      const ms = performance.now() - started;
      resolve({ ok: /^HTTP\/1\.1 (408|4\d\d)/.test(answer), detail: answer.split('\r\n')[0] ?? '(no answer)', ms });
    });
    const json = operation.bodyTypes.includes('application/json') || operation.bodyTypes.length === 0;
    const type = json ? 'application/json' : 'multipart/form-data; boundary=zz';
    socket.write(
      `${operation.method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${cookie ? `Cookie: ${cookie}\r\n` : ''}Content-Type: ${type}\r\nContent-Length: ${2000 + random.int(1000)}\r\n\r\n`,
    );
    socket.write(
      json ? '{"name":"半' : '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK',
    );
  });
}
