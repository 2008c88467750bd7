import { describe, expect, it } from 'vitest';
import { DEFAULT_EVALUATION_SHEET } from './access-evaluation-sheet.ts';
import { prefillEvaluation } from './access-evaluation-prefill.ts';

const project = {
  category: 'encouraged' as const,
  fixedAssetInvestment: '35000',
  expectedAnnualTax: '4000',
  landMu: '100',
};

describe('R2.2 evaluation sheet pre-filled from the project (issue #9)', () => {
  it('R2.2 fills 产业类别, 投资强度 and 税收强度 only, each with its basis', () => {
    const filled = prefillEvaluation(DEFAULT_EVALUATION_SHEET, project);
    expect(Object.keys(filled).sort()).toEqual(['industry_class', 'investment_intensity', 'tax_intensity']);
    expect(filled.industry_class).toMatchObject({ score: 10 });
    expect(filled.investment_intensity!.basis).toContain('350.00 万元/亩');
  });

  it.each([
    ['exactly 350 万元/亩 earns full marks (≥ in the guidance)', '35000', 10],
    ['349.99 万元/亩 earns the proportion, rounded down to 0.1', '34999', 9.9],
    ['175 万元/亩 earns half', '17500', 5],
    ['0 earns 0', '0', 0],
  ])('R2.2 投资强度: %s', (_t, fixed, score) => {
    expect(
      prefillEvaluation(DEFAULT_EVALUATION_SHEET, { ...project, fixedAssetInvestment: fixed }).investment_intensity!
        .score,
    ).toBe(score);
  });

  it.each([
    ['exactly 40 万元/亩', '4000', 15],
    ['39.99 万元/亩', '3999', 14.9],
    ['20 万元/亩', '2000', 7.5],
  ])('R2.2 税收强度 at %s', (_t, tax, score) => {
    expect(
      prefillEvaluation(DEFAULT_EVALUATION_SHEET, { ...project, expectedAnnualTax: tax }).tax_intensity!.score,
    ).toBe(score);
  });

  it.each([
    ['encouraged', 10],
    ['unlisted', 5],
    ['restricted', 0],
    ['eliminated', 0],
  ] as const)('R2.2 产业类别 of a %s project scores %s', (category, score) => {
    expect(prefillEvaluation(DEFAULT_EVALUATION_SHEET, { ...project, category }).industry_class!.score).toBe(score);
  });

  it('D5 a landless project leaves the per-亩 items to the reviewer', () => {
    expect(Object.keys(prefillEvaluation(DEFAULT_EVALUATION_SHEET, { ...project, landMu: null }))).toEqual([
      'industry_class',
    ]);
  });

  it('R2.2 items are recognised by their names when the bureau renamed the codes', () => {
    const sheet = {
      ...DEFAULT_EVALUATION_SHEET,
      items: DEFAULT_EVALUATION_SHEET.items.map((item, i) => ({ ...item, code: `item_${i + 1}` })),
    };
    expect(Object.keys(prefillEvaluation(sheet, project)).sort()).toEqual(['item_1', 'item_2', 'item_5']);
  });
});
