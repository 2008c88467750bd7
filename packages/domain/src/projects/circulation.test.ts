import { describe, expect, it } from 'vitest';
import { circulationProblem, splitCredit } from './circulation.ts';

describe('R2.5 circulation shares: strictly between 0 and 1, adding up to exactly 1', () => {
  it('0.3 leaves exactly 0.7, 0.7 leaves exactly 0.3, default is 50:50', () => {
    expect(splitCredit('0.3')).toEqual({ firstPlaceShare: 0.3, hostShare: 0.7 });
    expect(splitCredit(0.7)).toEqual({ firstPlaceShare: 0.7, hostShare: 0.3 });
    expect(splitCredit()).toEqual({ firstPlaceShare: 0.5, hostShare: 0.5 });
  });

  it('refuses 0, 1, negatives, more than 4 places and text', () => {
    for (const bad of [0, 1, -0.2, 1.5, '0.33333']) expect(splitCredit(bad)).toHaveProperty('problem');
    expect(splitCredit('abc')).toEqual({ problem: '首谈地分成比例必须是数字' });
    expect(splitCredit('0.0001')).toEqual({ firstPlaceShare: 0.0001, hostShare: 0.9999 });
    expect(splitCredit('0.9999')).toEqual({ firstPlaceShare: 0.9999, hostShare: 0.0001 });
  });
});

describe('D11: where a project may circulate', () => {
  const ok = {
    fromPlatformKey: 'zhenan',
    toPlatformKey: 'hitech',
    projectIsOpen: true,
    isDuplicate: false,
    alreadyCirculated: false,
    destinationCategory: 'encouraged',
  };
  it('an open project to another platform where it is encouraged', () => {
    expect(circulationProblem(ok)).toBeNull();
  });
  it('not to itself, not when landed or closed, not twice, not where it is not encouraged', () => {
    expect(circulationProblem({ ...ok, toPlatformKey: 'zhenan' })).toContain('另一个平台');
    expect(circulationProblem({ ...ok, projectIsOpen: false })).toContain('尚未落地、未终止');
    expect(circulationProblem({ ...ok, alreadyCirculated: true })).toContain('已流转过');
    expect(circulationProblem({ ...ok, isDuplicate: true })).toContain('重复报送');
    expect(circulationProblem({ ...ok, destinationCategory: 'restricted' })).toContain(
      '不在目标平台产业准入指导目录鼓励类中',
    );
    expect(circulationProblem({ ...ok, destinationCategory: 'unlisted' })).toContain('鼓励类');
  });
});
