import { describe, expect, it } from 'vitest';
import { normaliseOrgName, normaliseProjectName } from './investor-name.ts';

describe('normaliseOrgName (D9 key for R2.3 same-project detection)', () => {
  it.each([
    ['ＡＢＣ科技有限公司', 'ABC科技有限公司'],
    ['ａｂｃ科技１２３有限公司', 'ABC科技123有限公司'],
    ['abc科技有限公司', 'ABC科技有限公司'],
    ['Abc 科技 有限公司', 'ABC科技有限公司'],
    ['ABC\u3000科技\t有限公司\n', 'ABC科技有限公司'],
    ['ABC科技有限公司。', 'ABC科技有限公司'],
    ['【ABC】科技有限公司', 'ABC科技有限公司'],
    ['“ABC”科技有限公司', '"ABC"科技有限公司'],
    ['A.B.C.科技有限公司', 'A-B-C科技有限公司'],
    ['A&B科技有限公司', 'A_B科技有限公司'],
  ])('%j and %j have the same key', (a, b) => {
    expect(normaliseOrgName(a)).toBe(normaliseOrgName(b));
  });

  it('the key of a mixed-width, spaced, punctuated name', () => {
    expect(normaliseOrgName(' Ｗｅｎｚｈｏｕ ＡＢＣ·科技（温州）有限公司 ')).toBe('wenzhouabc科技温州');
  });

  it.each(['温州某某有限公司', '温州某某有限责任公司', '温州某某股份有限公司', '温州某某公司', '温州某某'])(
    '%j keys as 温州某某 (one legal-form suffix stripped)',
    (name) => {
      expect(normaliseOrgName(name)).toBe('温州某某');
    },
  );

  it('股份有限公司 is stripped whole, not down to 股份 (longest suffix first)', () => {
    expect(normaliseOrgName('温州某某股份有限公司')).not.toBe('温州某某股份');
  });

  it('only one suffix is stripped', () => {
    expect(normaliseOrgName('温州某某公司有限公司')).toBe('温州某某公司');
  });

  it('a legal form in the middle of a name stays', () => {
    expect(normaliseOrgName('温州某某有限公司杭州分公司')).toBe('温州某某有限公司杭州分');
  });

  it('（集团）, (集团) and 集团 are the same; without 集团 it is a different organisation', () => {
    const keys = [
      '温州某某（集团）有限公司',
      '温州某某(集团)有限公司',
      '温州某某集团有限公司',
      '温州某某 （集团） 股份有限公司',
    ].map(normaliseOrgName);
    expect(new Set(keys)).toEqual(new Set(['温州某某集团']));
    expect(normaliseOrgName('温州某某有限公司')).toBe('温州某某');
    expect(normaliseOrgName('温州某某有限公司')).not.toBe(keys[0]);
  });

  it.each([
    ['温州某某科技有限公司', '温州某某技术有限公司'],
    ['温州甲乙有限公司', '温州甲丙有限公司'],
    ['ABC科技有限公司', 'ABD科技有限公司'],
    ['某某1号有限公司', '某某2号有限公司'],
    ['温州某某有限公司', '杭州某某有限公司'],
  ])('%j and %j stay different', (a, b) => {
    expect(normaliseOrgName(a)).not.toBe(normaliseOrgName(b));
  });

  it.each(['', '   ', '\u3000', '（）', '——', '有限公司', '（有限公司）', ' 公司 '])(
    '%j has nothing identifying left and keys as the empty string',
    (name) => {
      expect(normaliseOrgName(name)).toBe('');
    },
  );
});

describe('normaliseProjectName (D9 key, no suffix stripping)', () => {
  it.each([
    ['年产１０万吨新材料项目', '年产10万吨新材料项目'],
    ['ＡＢＣ智能制造基地', 'abc智能制造基地'],
    ['ABC 智能制造 基地', 'abc智能制造基地'],
    ['ABC\u3000智能制造基地', 'abc智能制造基地'],
    ['“ABC”智能制造基地（一期）', 'ABC智能制造基地一期'],
    ['ABC智能制造基地·一期', 'ABC智能制造基地(一期)'],
  ])('%j and %j have the same key', (a, b) => {
    expect(normaliseProjectName(a)).toBe(normaliseProjectName(b));
  });

  it('the key of a mixed-width, spaced, punctuated name', () => {
    expect(normaliseProjectName(' 年产１０万吨 ＡＢＣ新材料项目（一期）。')).toBe('年产10万吨abc新材料项目一期');
  });

  it('legal-form words are kept: a project name is not an organisation name', () => {
    expect(normaliseProjectName('温州某某有限公司总部项目')).toBe('温州某某有限公司总部项目');
    expect(normaliseProjectName('某某公司')).toBe('某某公司');
  });

  it.each([
    ['年产10万吨新材料项目', '年产20万吨新材料项目'],
    ['ABC智能制造基地一期', 'ABC智能制造基地二期'],
  ])('%j and %j stay different', (a, b) => {
    expect(normaliseProjectName(a)).not.toBe(normaliseProjectName(b));
  });

  it.each(['', '  ', '\u3000', '（）【】《》'])('%j keys as the empty string', (name) => {
    expect(normaliseProjectName(name)).toBe('');
  });
});
