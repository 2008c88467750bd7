import { describe, expect, it } from 'vitest';
import { checkUndo } from './stage-undo.ts';

const at = new Date('2026-12-01T02:00:00Z');
const move = {
  kind: 'transition',
  version: 5,
  fromStatus: 'evaluated',
  toStatus: 'tracked',
  at,
  details: { actorRole: 'bureau', actorPlatformKey: null },
};
const base = {
  lastEvent: move,
  projectVersion: 5,
  actorRole: 'bureau' as const,
  actorPlatformKey: null,
  now: at,
  windowDays: 7,
};
const DAY = 24 * 60 * 60 * 1000;

describe('R2.4 undo of a stage move (issue #9)', () => {
  it('R2.4 the same role within the window goes back to the stage before', () => {
    expect(checkUndo(base)).toEqual({ allowed: true, backTo: 'evaluated', undoing: 'tracked' });
  });

  it.each([
    ['exactly 7 days later is still inside', 7 * DAY, true],
    ['one millisecond past 7 days is outside', 7 * DAY + 1, false],
  ])('R2.4 window: %s', (_t, elapsed, allowed) => {
    const verdict = checkUndo({ ...base, now: new Date(at.getTime() + elapsed) });
    expect(verdict.allowed).toBe(allowed);
    if (!verdict.allowed) expect(verdict.message).toContain('超过 7 天');
  });

  it('R2.4 another role is forbidden, and another platform too', () => {
    expect(checkUndo({ ...base, actorRole: 'platform', actorPlatformKey: 'zhenan' })).toMatchObject({
      allowed: false,
      kind: 'forbidden',
    });
    const platformMove = {
      ...move,
      fromStatus: 'reported',
      toStatus: 'feasible',
      details: { actorRole: 'platform', actorPlatformKey: 'zhenan' },
    };
    expect(
      checkUndo({ ...base, lastEvent: platformMove, actorRole: 'platform', actorPlatformKey: 'hitech' }),
    ).toMatchObject({ allowed: false, kind: 'forbidden' });
    expect(
      checkUndo({ ...base, lastEvent: platformMove, actorRole: 'platform', actorPlatformKey: 'zhenan' }),
    ).toMatchObject({ allowed: true, backTo: 'reported' });
  });

  it('R2.4 only the newest entry, and only a stage move: not an evaluation, not an undo, not a move overtaken', () => {
    expect(checkUndo({ ...base, lastEvent: { ...move, kind: 'evaluation' } })).toMatchObject({
      allowed: false,
      kind: 'illegal',
    });
    expect(checkUndo({ ...base, lastEvent: { ...move, kind: 'undo' } })).toMatchObject({
      allowed: false,
      kind: 'illegal',
    });
    expect(checkUndo({ ...base, projectVersion: 6 })).toMatchObject({ allowed: false, kind: 'illegal' });
    expect(checkUndo({ ...base, lastEvent: undefined })).toMatchObject({ allowed: false });
    expect(checkUndo({ ...base, lastEvent: { ...move, details: null } })).toMatchObject({
      allowed: false,
      kind: 'illegal',
    });
  });

  it('R2.4 a window of 0 days allows no undo after the instant itself', () => {
    expect(checkUndo({ ...base, windowDays: 0, now: new Date(at.getTime() + 1) }).allowed).toBe(false);
  });
});
