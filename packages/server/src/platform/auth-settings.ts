import { DEFAULT_MAX_SESSIONS_PER_USER, DEFAULT_SESSION_MAX_HOURS } from '@pgs/domain';

/** The settings of sign-in and sessions (#10.5, #10.8), read from the environment by platform/config.ts. */
export type AuthSettings = {
  /** Absolute session lifetime in hours, however active the session (PGS_SESSION_MAX_HOURS). */
  sessionMaxHours: number;
  /** Sessions one user may hold at once; signing in again ends the oldest (PGS_MAX_SESSIONS). */
  maxSessionsPerUser: number;
  /** Login attempts per client address and per login name within `windowSeconds` (PGS_LOGIN_RATE_PER_ADDRESS, PGS_LOGIN_RATE_PER_NAME). */
  loginRateLimit: { perAddress: number; perName: number; windowSeconds: number };
};

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionMaxHours: DEFAULT_SESSION_MAX_HOURS,
  maxSessionsPerUser: DEFAULT_MAX_SESSIONS_PER_USER,
  // An office behind one NAT signs in from one address: 100 a minute is well above a morning's rush, and far
  // below a password-guessing run (600 in 7 s were all processed before). Per name, 10 a minute: the lockout
  // stops guessing after 5; this stops a locked name being hammered.
  loginRateLimit: { perAddress: 100, perName: 10, windowSeconds: 60 },
};

export function authSettings(overrides: Partial<AuthSettings> = {}): AuthSettings {
  return {
    ...DEFAULT_AUTH_SETTINGS,
    ...overrides,
    loginRateLimit: { ...DEFAULT_AUTH_SETTINGS.loginRateLimit, ...overrides.loginRateLimit },
  };
}
