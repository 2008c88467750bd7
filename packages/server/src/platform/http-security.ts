import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { AppError, forbidden } from './errors.ts';

/**
 * Issue #10.9 and #10.2: what every answer carries and what no request may do, in one place.
 * - Security headers (helmet's): a CSP the built web app works with (scripts and fonts from this origin;
 *   inline styles, which Ant Design's CSS-in-JS writes; images from here and data: URLs), no framing
 *   (frame-ancestors 'none'), nosniff, a Referrer-Policy and HSTS (browsers heed it only over HTTPS).
 * - `Cache-Control: no-store` on every API answer (JSON and exports): they hold personal and business data.
 * - State-changing requests from another origin are refused (403), as are compressed request bodies (415, before
 *   a byte of the body is read: they hung the imports) and `text/plain` bodies (415, no parser).
 */
export async function installHttpSecurity(app: FastifyInstance) {
  // Helmet's headers depend on nothing in the request: they are worked out once here, not on every request as
  // @fastify/helmet does (issue #15: that was a few per cent of every request's time).
  const headers = helmetHeaders(HELMET_OPTIONS);
  // Both hooks take a callback rather than return a promise: they never wait, and run on every request (issue #15).
  app.addHook('onRequest', (request, reply, done) => {
    // On the raw response, as @fastify/helmet did: they stay on every answer, errors and files included.
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    const refusal = bodyRefusal(request) ?? originRefusal(request);
    if (!refusal) {
      done();
      return;
    }
    // The body is never read: close the connection so it is not left waiting for the rest.
    reply.header('connection', 'close');
    done(refusal);
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    // Answered before the body was all received (a refusal, a 401): close the connection rather than keep a
    // socket open for a body no one will read (issue #10.2: such sockets were held for minutes).
    if (!request.raw.complete) reply.header('connection', 'close');
    done(null, payload);
  });
}

const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: 'same-origin' },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
};

/** The headers helmet sets with these options, read once from a stand-in response. */
function helmetHeaders(options: HelmetOptions): Array<[string, string]> {
  const request = new IncomingMessage(new Socket());
  const response = new ServerResponse(request);
  helmet(options)(request, response, () => undefined);
  return response.getHeaderNames().map((name) => [name, String(response.getHeader(name))]);
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Issue #10.2: a compressed body is refused before it is read (refusing is the simple safe answer, not a decoder). */
function bodyRefusal(request: FastifyRequest): AppError | null {
  const announced =
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (!announced) return null;
  const encoding = (request.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'identity') {
    return new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `不接受压缩过的请求内容（Content-Encoding: ${encoding.slice(0, 40)}），请直接上传原文件`,
    );
  }
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/plain')
    return new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      '不接受纯文本（text/plain）请求内容，请以 JSON 或上传文件的方式提交',
    );
  return null;
}

/**
 * Issue #10.9: a state-changing request must come from this server's own pages. `Origin` is compared with the
 * origin the request was addressed to (scheme and host, through a trusted proxy when one is set); without an
 * `Origin`, a browser's `Sec-Fetch-Site` saying the request came from another site is enough to refuse it.
 * Requests with neither (scripts, curl) carry no ambient browser credentials to abuse, so they pass.
 */
function originRefusal(request: FastifyRequest): AppError | null {
  if (!STATE_CHANGING.has(request.method)) return null;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (origin === `${request.protocol}://${request.host}`) return null;
    return forbidden('请求来自其他网站，已拒绝；请在本系统的页面中操作');
  }
  const site = (request.headers['sec-fetch-site'] ?? '').toLowerCase();
  if (site === 'cross-site' || site === 'same-site')
    return forbidden('请求来自其他网站，已拒绝；请在本系统的页面中操作');
  return null;
}
