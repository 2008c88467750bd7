import { describe, expect, it } from 'vitest';
import { boardDropProblem } from './board-drop.ts';

const project = { status: 'plan_submitted' as const, platformKey: 'zhenan', firstReport: true };

describe('R2.4 stage board drops', () => {
  it('R2.4 the next stage by the project’s own platform is a move', () => {
    expect(boardDropProblem({ project, to: 'evaluated', role: 'platform', actorPlatformKey: 'zhenan' })).toBeNull();
  });
  it.each([
    [
      'skipping a stage',
      { to: 'negotiating' as const, role: 'platform' as const, actorPlatformKey: 'zhenan' },
      '之后只能进入',
    ],
    ['going back', { to: 'reported' as const, role: 'platform' as const, actorPlatformKey: 'zhenan' }, '不能退回'],
    [
      'the bureau’s own stage by a platform',
      { to: 'tracked' as const, role: 'platform' as const, actorPlatformKey: 'zhenan' },
      '只有市招商局可以',
    ],
    [
      'another platform’s project',
      { to: 'evaluated' as const, role: 'platform' as const, actorPlatformKey: 'hitech' },
      '只有项目所属平台',
    ],
    [
      'a role that moves nothing',
      { to: 'evaluated' as const, role: 'leader' as const, actorPlatformKey: null },
      '只有项目所属平台',
    ],
  ])('R2.4 %s says why', (_t, drop, message) => {
    expect(boardDropProblem({ project, ...drop })).toContain(message);
  });
  it('R2.3 a duplicate cannot advance', () => {
    expect(
      boardDropProblem({
        project: { ...project, firstReport: false },
        to: 'evaluated',
        role: 'platform',
        actorPlatformKey: 'zhenan',
      }),
    ).toContain('重复报送');
  });
});
