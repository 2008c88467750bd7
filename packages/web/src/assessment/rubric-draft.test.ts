import { describe, expect, it } from 'vitest';
import { methodText, parseMethod } from './rubric-draft.ts';

describe('rubric editor: a method as one text field', () => {
  it('round-trips every kind', () => {
    for (const method of [
      { kind: 'proportion' as const, target: null },
      { kind: 'proportion' as const, target: '1' },
      { kind: 'rank' as const, factors: [1, 0.8, 0.6] },
      {
        kind: 'thresholds' as const,
        steps: [
          { atLeast: '0.15', share: 1 },
          { atLeast: '0', share: 0.4 },
        ],
      },
    ])
      expect(parseMethod(method.kind, methodText(method))).toEqual(method);
  });
  it('refuses text that is not a method', () => {
    expect(parseMethod('proportion', 'abc')).toBeNull();
    expect(parseMethod('rank', '')).toBeNull();
    expect(parseMethod('thresholds', '0.1')).toBeNull();
    expect(parseMethod('thresholds', '0.1：1，0：0.5')).toEqual({
      kind: 'thresholds',
      steps: [
        { atLeast: '0.1', share: 1 },
        { atLeast: '0', share: 0.5 },
      ],
    });
  });
});
