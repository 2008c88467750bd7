import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';
import { passwordProblems } from '@pgs/domain/platform/password-check';

describe('#10.5 #10.8 sign-in settings from the environment', () => {
  it('defaults: 12 h lifetime, 3 sessions, 100 per address and 10 per name a minute', () => {
    expect(readConfig({}).auth).toEqual({
      sessionMaxHours: 12,
      maxSessionsPerUser: 3,
      loginRateLimit: { perAddress: 100, perName: 10, windowSeconds: 60 },
    });
  });

  it('each is a setting', () => {
    const env = {
      PGS_SESSION_MAX_HOURS: '8',
      PGS_MAX_SESSIONS: '1',
      PGS_LOGIN_RATE_PER_ADDRESS: '500',
      PGS_LOGIN_RATE_PER_NAME: '5',
      PGS_LOGIN_RATE_WINDOW_SECONDS: '300',
    };
    expect(readConfig(env).auth).toEqual({
      sessionMaxHours: 8,
      maxSessionsPerUser: 1,
      loginRateLimit: { perAddress: 500, perName: 5, windowSeconds: 300 },
    });
  });

  it.each(['0', '-1', '1.5', 'twelve'])('PGS_SESSION_MAX_HOURS=%j stops the start with a Chinese reason', (value) => {
    expect(() => readConfig({ PGS_SESSION_MAX_HOURS: value })).toThrow(ConfigError);
    expect(() => readConfig({ PGS_SESSION_MAX_HOURS: value })).toThrow('PGS_SESSION_MAX_HOURS 应为正整数');
  });
});

describe('#10.10 the bootstrap admin password meets the whole policy', () => {
  it.each(['Password12', 'Demo-Pgs-2026', 'Admin-Pass-2026'])('PGS_ADMIN_PASSWORD=%j is refused', (password) => {
    expect(() => readConfig({ PGS_ADMIN_PASSWORD: password })).toThrow(ConfigError);
  });

  it('a strong one is taken', () => {
    expect(passwordProblems('Choose-A-Strong-1')).toEqual([]);
    expect(readConfig({ PGS_ADMIN_PASSWORD: 'Choose-A-Strong-1' }).adminPassword).toBe('Choose-A-Strong-1');
  });
});
