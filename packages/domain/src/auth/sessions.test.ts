import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_SESSIONS_PER_USER,
  DEFAULT_SESSION_MAX_HOURS,
  isSessionIdle,
  SESSION_IDLE_MINUTES,
  sessionEnd,
} from './sessions.ts';

const MINUTE = 60_000;
const now = new Date('2018-10-01T08:00:00.000Z');
const at = (ms: number) => new Date(now.getTime() + ms);

describe('session idle timeout (30 minutes)', () => {
  it('the policy numbers', () => {
    expect([SESSION_IDLE_MINUTES, DEFAULT_SESSION_MAX_HOURS, DEFAULT_MAX_SESSIONS_PER_USER]).toEqual([30, 12, 3]);
  });

  it.each([
    [0, false],
    [30 * MINUTE, false],
    [30 * MINUTE + 1, true],
  ])('idle for %i ms → ended %s (exactly 30 minutes still counts as active)', (idle, ended) => {
    expect(isSessionIdle(now, at(idle))).toBe(ended);
  });
});

describe('#10.5 absolute session lifetime (default 12 hours)', () => {
  it.each([
    [12 * 60 * MINUTE, 0, null],
    [12 * 60 * MINUTE + 1, 0, 'lifetime'],
    [30 * 24 * 60 * MINUTE, 0, 'lifetime'],
    [60 * MINUTE, 31 * MINUTE, 'idle'],
    [13 * 60 * MINUTE, 31 * MINUTE, 'lifetime'], // both: the lifetime is the reason given
  ])('signed in %i ms ago, last seen %i ms ago → %s', (age, idle, end) => {
    expect(sessionEnd({ createdAt: at(-age), lastSeenAt: at(-idle) }, now, 12)).toBe(end);
  });

  it('the lifetime is a setting', () => {
    expect(sessionEnd({ createdAt: at(-3 * 60 * MINUTE), lastSeenAt: now }, now, 2)).toBe('lifetime');
    expect(sessionEnd({ createdAt: at(-3 * 60 * MINUTE), lastSeenAt: now }, now, 4)).toBeNull();
  });
});
