import type { HttpSettings } from './config.ts';

/**
 * PGS_TRUST_PROXY as Fastify's `trustProxy`: a list of proxy addresses/CIDRs, `true` for the nearest proxy only
 * (never "trust every hop", which would let any client set its own X-Forwarded-For), or a hop count.
 */
export function trustProxyOption(
  setting: HttpSettings['trustProxy'],
): boolean | string | string[] | ((address: string, hop: number) => boolean) {
  if (setting === false) return false;
  if (setting === true) return (_address, hop) => hop < 1;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}
