import type { FastifyInstance, FastifyRequest } from 'fastify';
import '@fastify/rate-limit';
import { normaliseLoginName } from '@pgs/domain';
import { AppError } from '../platform/errors.ts';
import type { AuthSettings } from '../platform/auth-settings.ts';

const tooMany = (seconds: number) =>
  new AppError(429, 'RATE_LIMITED', `登录尝试过于频繁，请 ${Math.max(seconds, 1)} 秒后再试`);

/**
 * #10.8: sign-ins limited per client address and per login name (@fastify/rate-limit, registered in app.ts).
 * Both are counted for every attempt; the name limit reads the parsed body, so it runs as a preHandler.
 */
export function loginRateLimit(app: FastifyInstance, limits: AuthSettings['loginRateLimit']) {
  const timeWindow = limits.windowSeconds * 1000;
  const byAddress = app.createRateLimit({
    max: limits.perAddress,
    timeWindow,
    keyGenerator: (request) => `address:${request.ip}`,
  });
  const byName = app.createRateLimit({
    max: limits.perName,
    timeWindow,
    keyGenerator: (request) => {
      const username = (request.body as { username?: unknown } | undefined)?.username;
      return `name:${normaliseLoginName(typeof username === 'string' ? username : '')}`;
    },
  });
  return async (request: FastifyRequest) => {
    for (const limiter of [byAddress, byName]) {
      const result = await limiter(request);
      if (!result.isAllowed && result.isExceeded) throw tooMany(result.ttlInSeconds);
    }
  };
}
