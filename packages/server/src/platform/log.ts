import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * The server's one logger (pino, one JSON object a line on stdout). Warnings and errors are always written: every
 * 5xx (error-handler.ts) and every failed long job (progress-board.ts), each with the request id (`reqId`) and the
 * signed-in user (`user`), so a failure never disappears. `PGS_LOG=1` (config.ts `logRequests`) adds Fastify's
 * request log (method, URL, status, time of every request).
 */
export function createLogger(options: { logRequests: boolean; stream?: DestinationStream }): Logger {
  const settings = { level: options.logRequests ? 'info' : 'warn', base: { service: 'pgs' } };
  return options.stream ? pino(settings, options.stream) : pino(settings);
}
