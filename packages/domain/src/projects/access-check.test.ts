import { describe, expect, it } from 'vitest';
import { checkAccess } from './access-check.ts';
import { landInMu, squareMetresToMu } from './land.ts';

const onTenMu = (fixedAssetInvestment: string, expectedAnnualTax: string, category = 'encouraged' as const) =>
  checkAccess({ category, fixedAssetInvestment, expectedAnnualTax, landMu: 10 });

describe('R2.1 access standard, compared at the figure in exact decimals (D1)', () => {
  it('intensity exactly 350 万元/亩 does not pass; 350.0001 does', () => {
    expect(onTenMu('3500', '0').passes).toBe(false);
    expect(onTenMu('3500', '0').intensityAboveBar).toBe(false);
    expect(onTenMu('3500.001', '0').passes).toBe(true);
    // Rounded to 2 places it would read "350.00 … 高于 350": the figure keeps the places that make it above.
    expect(onTenMu('3500.001', '0').investmentIntensity).toBe('350.0001');
    expect(onTenMu('3500', '0').investmentIntensity).toBe('350.00');
    expect(onTenMu('3500.1', '0').investmentIntensity).toBe('350.01');
    expect(onTenMu('3499.9999', '0').investmentIntensity).toBe('349.99999');
  });

  it('tax exactly 40 万元/亩 does not pass; 40.0001 does', () => {
    expect(onTenMu('0', '400').passes).toBe(false);
    expect(onTenMu('0', '400.001').passes).toBe(true);
    expect(onTenMu('0', '400.001').taxAboveBar).toBe(true);
    expect(onTenMu('0', '400.001').taxPerMu).toBe('40.0001');
  });

  it('one of the two is enough, but the class must be encouraged', () => {
    expect(onTenMu('9000', '0').passes).toBe(true);
    const restricted = checkAccess({
      category: 'restricted',
      fixedAssetInvestment: '9000',
      expectedAnnualTax: '900',
      landMu: 10,
    });
    expect(restricted.passes).toBe(false);
    expect(restricted.reasons[0]).toContain('限制类');
    expect(
      checkAccess({ category: 'unlisted', fixedAssetInvestment: '9000', expectedAnnualTax: '900', landMu: 10 }).passes,
    ).toBe(false);
  });

  it('does not divide before comparing: 1/3 亩 with 116.6667 万元 is above 350 × 1/3', () => {
    const third = squareMetresToMu('222.2222222222222222'); // 1/3 亩 to 22 places
    expect(
      checkAccess({ category: 'encouraged', fixedAssetInvestment: '116.6667', expectedAnnualTax: '0', landMu: third })
        .passes,
    ).toBe(true);
    expect(
      checkAccess({ category: 'encouraged', fixedAssetInvestment: '116.6666', expectedAnnualTax: '0', landMu: third })
        .passes,
    ).toBe(false);
  });

  it('lists every reason in Chinese with the figures', () => {
    const verdict = onTenMu('3000', '300');
    expect(verdict.reasons).toEqual([
      '行业属于本平台产业准入指导目录鼓励类',
      '投资强度 300.00 万元/亩（固定资产投资 3000 万元 ÷ 用地 10 亩），未高于 350 万元/亩',
      '亩均税收 30.00 万元/亩（预计年税收 300 万元 ÷ 用地 10 亩），未高于 40 万元/亩',
      '投资强度和亩均税收均未高于标准，两项须至少一项高于标准',
    ]);
  });

  it('D5: a landless project is judged on its sheet, and flagged', () => {
    const base = { category: 'encouraged' as const, fixedAssetInvestment: '100', expectedAnnualTax: '1', landMu: null };
    expect(checkAccess(base)).toMatchObject({ passes: false, landless: true, investmentIntensity: null });
    expect(checkAccess({ ...base, sheet: { total: 60, passMark: 60 } }).passes).toBe(true);
    expect(checkAccess({ ...base, sheet: { total: 59.9, passMark: 60 } }).passes).toBe(false);
    expect(checkAccess({ ...base, category: 'restricted', sheet: { total: 90, passMark: 60 } }).passes).toBe(false);
  });
});

describe('D5 land: 亩, or m² converted exactly, or none', () => {
  it('converts 666.67 m²-ish exactly: 10000 m² is 15 亩, 6666.6 m² is 9.9999 亩', () => {
    expect(squareMetresToMu(10000).toString()).toBe('15');
    expect(squareMetresToMu('6666.6').toString()).toBe('9.9999');
  });

  it('refuses zero, negative and both units; none means landless', () => {
    expect(landInMu({ landArea: 0 })).toHaveProperty('problem');
    expect(landInMu({ landArea: -1 })).toHaveProperty('problem');
    expect(landInMu({ landAreaM2: 0 })).toHaveProperty('problem');
    expect(landInMu({ landArea: 1, landAreaM2: 667 })).toEqual({ problem: '用地面积请只填一种单位：亩或平方米' });
    expect(landInMu({})).toEqual({ mu: null });
    expect((landInMu({ landAreaM2: 20000 }) as { mu: { toString(): string } }).mu.toString()).toBe('30');
  });
});
