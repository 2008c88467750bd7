import { describe, expect, it } from 'vitest';
import { DEFAULT_EVALUATION_SHEET } from './access-evaluation-sheet.ts';
import { DEFAULT_PROJECT_SETTINGS, projectSettingsInputSchema, sheetDefinitionProblems } from './project-settings.ts';

const sheet = DEFAULT_EVALUATION_SHEET;

describe('project settings (issue #3: window and sheet configurable, R2.2)', () => {
  it('defaults to 180 days and the 100-point sheet that has every dimension', () => {
    expect(DEFAULT_PROJECT_SETTINGS.negotiationWindowDays).toBe(180);
    expect(sheetDefinitionProblems(DEFAULT_PROJECT_SETTINGS.evaluationSheet)).toEqual([]);
  });

  it('refuses a sheet that leaves out one of the five R2.2 dimensions', () => {
    const withoutTechnology = { ...sheet, items: sheet.items.filter((item) => item.dimension !== 'technology') };
    expect(sheetDefinitionProblems(withoutTechnology)).toEqual(['评分表缺少“科技含量”维度的评分项（五个维度都要评）']);
  });

  it('refuses duplicate item codes and a pass mark above the full marks, accepts it at the full marks', () => {
    const doubled = { ...sheet, items: [...sheet.items, sheet.items[0]!] };
    expect(sheetDefinitionProblems(doubled)).toContain('评分项代码“industry_class”重复');
    expect(sheetDefinitionProblems({ ...sheet, passMark: 100.1 })).toEqual([
      '合格线 100.1 分高于评分表满分 100 分，无法达到',
    ]);
    expect(sheetDefinitionProblems({ ...sheet, passMark: 100 })).toEqual([]);
  });

  it('refuses a maximum finer than a tenth, since sheets are summed in tenths', () => {
    const fine = {
      ...sheet,
      items: sheet.items.map((item, index) => (index === 0 ? { ...item, maxScore: 10.05 } : item)),
    };
    expect(sheetDefinitionProblems(fine)).toEqual(['“产业类别”的满分最多保留 1 位小数']);
  });

  it('bounds the window to whole days in 1..3650 with Chinese messages', () => {
    const base = { evaluationSheet: sheet, version: 1 };
    expect(projectSettingsInputSchema.safeParse({ ...base, negotiationWindowDays: 1 }).success).toBe(true);
    expect(projectSettingsInputSchema.safeParse({ ...base, negotiationWindowDays: 3650 }).success).toBe(true);
    const zero = projectSettingsInputSchema.safeParse({ ...base, negotiationWindowDays: 0 });
    expect(zero.error?.issues[0]?.message).toBe('洽谈期限至少 1 天');
    const half = projectSettingsInputSchema.safeParse({ ...base, negotiationWindowDays: 90.5 });
    expect(half.error?.issues[0]?.message).toBe('洽谈期限必须是整天数');
    const bad = projectSettingsInputSchema.safeParse({
      ...base,
      negotiationWindowDays: 180,
      evaluationSheet: { ...sheet, items: [{ ...sheet.items[0], code: '产业' }] },
    });
    expect(bad.error?.issues[0]?.message).toBe('评分项代码只能用小写字母、数字和下划线，以字母开头');
  });
});
