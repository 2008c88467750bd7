import { describe, expect, it } from 'vitest';
import { evaluationSheetSchema } from './project-settings.ts';
import { DEFAULT_EVALUATION_SHEET } from './access-evaluation-sheet.ts';
import { sheetItemCode, withItemCodes } from './sheet-item-code.ts';

describe('R2.2 evaluation sheet item codes made from names (issue #9)', () => {
  it('R2.2 the same name gives the same code, a valid one; a clash gets a suffix', () => {
    const code = sheetItemCode('亩均用地效率', new Set());
    expect(code).toMatch(/^item_[a-z0-9]+$/);
    expect(sheetItemCode('亩均用地效率', new Set())).toBe(code);
    expect(sheetItemCode('亩均用地效率', new Set([code]))).toBe(`${code}_2`);
    expect(sheetItemCode('亩均用地效率', new Set([code, `${code}_2`]))).toBe(`${code}_3`);
  });

  it('R2.2 existing codes are kept; new items get unique codes the sheet schema accepts', () => {
    const items = [
      ...DEFAULT_EVALUATION_SHEET.items,
      { code: '', dimension: 'tax' as const, label: '新增项', maxScore: 5, guidance: '' },
      { code: '', dimension: 'tax' as const, label: '新增项', maxScore: 5, guidance: '' },
    ];
    const coded = withItemCodes(items);
    expect(coded.slice(0, DEFAULT_EVALUATION_SHEET.items.length)).toEqual(DEFAULT_EVALUATION_SHEET.items);
    expect(new Set(coded.map((item) => item.code)).size).toBe(coded.length);
    expect(evaluationSheetSchema.safeParse({ ...DEFAULT_EVALUATION_SHEET, items: coded }).success).toBe(true);
  });
});
