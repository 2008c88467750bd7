import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  industryLevel,
  industryLineage,
  industrySpecificity,
  isWellFormedIndustryCode,
  isWithinIndustry,
  parentIndustryCode,
  sectionOfDivision,
} from './industry-code.ts';

// D13: the full GB/T 4754-2017 table, code,name,level,parent.
const TABLE = readFileSync(new URL('../../../server/src/reference/data/gbt4754-2017.csv', import.meta.url), 'utf8')
  .split(/\r?\n/)
  .slice(1)
  .filter(Boolean)
  .map((line) => {
    const [code = '', name = '', level = '', parent = ''] = line.split(',');
    return { code, name, level, parent: parent || null };
  });

describe('isWellFormedIndustryCode (R1.1, D13: malformed → 400)', () => {
  it.each(['A', 'C', 'T', '01', '36', '97', '99', '00', '361', '3612', '0000', '9999'])('%j is well-formed', (code) => {
    expect(isWellFormedIndustryCode(code)).toBe(true);
  });

  it.each(['', 'U', 'Z', 'a', 'c', '1', '12345', '36a', 'C36', ' 36', '36 ', '３６', '3.6', '-36'])(
    '%j is malformed',
    (code) => {
      expect(isWellFormedIndustryCode(code)).toBe(false);
    },
  );
});

describe('industryLevel and industrySpecificity (门类 < 大类 < 中类 < 小类)', () => {
  it.each([
    ['C', 'section', 0],
    ['36', 'division', 1],
    ['361', 'group', 2],
    ['3612', 'class', 3],
    ['99', 'division', 1],
  ] as const)('%s is a %s (specificity %i)', (code, level, specificity) => {
    expect(industryLevel(code)).toBe(level);
    expect(industrySpecificity(code)).toBe(specificity);
  });

  it.each(['', 'U', 'c', '1', '12345', '36a'])('D13: %j throws', (code) => {
    expect(() => industryLevel(code)).toThrow('不是合法的行业代码');
    expect(() => industrySpecificity(code)).toThrow();
  });

  it('D13: every code of the reference table has the level the table gives it', () => {
    const wrong = TABLE.filter((row) => industryLevel(row.code) !== row.level);
    expect(wrong).toEqual([]);
    expect(TABLE).toHaveLength(20 + 97 + 473 + 1381);
  });
});

describe('sectionOfDivision and parentIndustryCode (division → section for all 20 sections)', () => {
  it.each([
    ['A', '01', '05'],
    ['B', '06', '12'],
    ['C', '13', '43'],
    ['D', '44', '46'],
    ['E', '47', '50'],
    ['F', '51', '52'],
    ['G', '53', '60'],
    ['H', '61', '62'],
    ['I', '63', '65'],
    ['J', '66', '69'],
    ['K', '70', '70'],
    ['L', '71', '72'],
    ['M', '73', '75'],
    ['N', '76', '79'],
    ['O', '80', '82'],
    ['P', '83', '83'],
    ['Q', '84', '85'],
    ['R', '86', '90'],
    ['S', '91', '96'],
    ['T', '97', '97'],
  ])('section %s holds divisions %s–%s', (section, first, last) => {
    expect(sectionOfDivision(first)).toBe(section);
    expect(sectionOfDivision(last)).toBe(section);
    expect(parentIndustryCode(first)).toBe(section);
    expect(parentIndustryCode(last)).toBe(section);
  });

  it.each(['00', '98', '99'])('D13: division %s belongs to no section', (division) => {
    expect(sectionOfDivision(division)).toBeNull();
    expect(parentIndustryCode(division)).toBeNull();
  });

  it.each([
    ['A', null],
    ['T', null],
    ['01', 'A'],
    ['36', 'C'],
    ['361', '36'],
    ['3612', '361'],
    ['0111', '011'],
  ])('the parent of %s is %s', (code, parent) => {
    expect(parentIndustryCode(code)).toBe(parent);
  });

  it('D13: every parent in the reference table is the computed parent (all 97 divisions → their section)', () => {
    const wrong = TABLE.filter((row) => parentIndustryCode(row.code) !== row.parent);
    expect(wrong).toEqual([]);
    const sections = new Set(
      TABLE.filter((row) => row.level === 'division').map((row) => parentIndustryCode(row.code)),
    );
    expect(sections.size).toBe(20);
  });
});

describe('industryLineage and isWithinIndustry', () => {
  it.each([
    ['3612', ['C', '36', '361', '3612']],
    ['0111', ['A', '01', '011', '0111']],
    ['7340', ['M', '73', '734', '7340']],
    ['9700', ['T', '97', '970', '9700']],
    ['361', ['C', '36', '361']],
    ['36', ['C', '36']],
    ['C', ['C']],
    ['9999', ['99', '999', '9999']],
  ])('the lineage of %s is %o (most general first)', (code, lineage) => {
    expect(industryLineage(code)).toEqual(lineage);
  });

  it.each(['', 'U', '1', '12345', '36a', 'c'])('D13: the lineage of malformed %j throws', (code) => {
    expect(() => industryLineage(code)).toThrow();
  });

  it.each([
    ['3612', '3612', true],
    ['3612', '361', true],
    ['3612', '36', true],
    ['3612', 'C', true],
    ['3612', '3611', false],
    ['3612', '37', false],
    ['361', '3612', false],
    ['3731', '373', true],
    ['3737', '3731', false],
    ['3110', '31', true],
  ])('%s within %s → %s', (code, ancestor, within) => {
    expect(isWithinIndustry(code, ancestor)).toBe(within);
  });
});
