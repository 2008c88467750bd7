import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig, readHttpSettings } from './config.ts';
import { trustProxyOption } from './trust-proxy.ts';

/** Issue #10.2 / #10.6 / #10.9 settings read from the environment, with a clear refusal for a bad value. */
describe('HTTP settings', () => {
  it('defaults: 10 s, 60 s, no proxy, docs signed-in, 12-month catalog horizon', () => {
    expect(readHttpSettings({})).toEqual({
      requestTimeoutMs: 10_000,
      uploadTimeoutMs: 60_000,
      trustProxy: false,
      publicApiDocs: false,
      catalogHorizonMonths: 12,
    });
    expect(readConfig({}).http.requestTimeoutMs).toBe(10_000);
  });

  it.each([
    ['1', 1],
    ['true', true],
    ['2', 2],
    ['127.0.0.1', ['127.0.0.1']],
    ['127.0.0.1, 10.0.0.0/8', ['127.0.0.1', '10.0.0.0/8']],
    ['loopback', ['loopback']],
    ['', false],
    ['0', false],
  ])('PGS_TRUST_PROXY=%j', (raw, expected) => {
    expect(readHttpSettings({ PGS_TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });

  it('a trusted hop count never means "trust every hop"', () => {
    const nearest = trustProxyOption(true) as (address: string, hop: number) => boolean;
    expect(nearest('10.0.0.1', 0)).toBe(true);
    expect(nearest('10.0.0.2', 1)).toBe(false);
  });

  it.each([
    [{ PGS_TRUST_PROXY: 'evil host' }, 'PGS_TRUST_PROXY'],
    [{ PGS_REQUEST_TIMEOUT_MS: '0' }, 'PGS_REQUEST_TIMEOUT_MS'],
    [{ PGS_REQUEST_TIMEOUT_MS: '10s' }, 'PGS_REQUEST_TIMEOUT_MS'],
    [{ PGS_REQUEST_TIMEOUT_MS: '20000', PGS_UPLOAD_TIMEOUT_MS: '10000' }, 'PGS_UPLOAD_TIMEOUT_MS'],
    [{ PGS_CATALOG_HORIZON_MONTHS: '999' }, 'PGS_CATALOG_HORIZON_MONTHS'],
  ])('%j is refused naming the variable', (env, name) => {
    expect(() => readHttpSettings(env)).toThrow(ConfigError);
    expect(() => readHttpSettings(env)).toThrow(name);
  });

  it('the switches', () => {
    expect(
      readHttpSettings({ PGS_PUBLIC_API_DOCS: '1', PGS_CATALOG_HORIZON_MONTHS: '24', PGS_UPLOAD_TIMEOUT_MS: '120000' }),
    ).toMatchObject({ publicApiDocs: true, catalogHorizonMonths: 24, uploadTimeoutMs: 120_000 });
  });
});
