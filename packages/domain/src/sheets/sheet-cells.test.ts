import { describe, expect, it } from 'vitest';
import { cleanCellText, EXCEL_ERROR_VALUES, excelErrorValue, groupedNumberText } from './sheet-cells.ts';

describe('spreadsheet cells as people and programs fill them (issue #9)', () => {
  it.each(EXCEL_ERROR_VALUES.map((value) => [value]))('%s is an Excel error value, as stored or typed', (value) => {
    expect(excelErrorValue(value)).toBe(value);
    expect(excelErrorValue(` ${value.toLowerCase()} `)).toBe(value);
  });

  it.each([['#'], ['#1'], ['#N/A#'], ['N/A'], ['#DIV/0'], ['备注 #N/A'], [''], ['＃N/A']])(
    '%j is not one (or is its full-width spelling)',
    (text) => {
      expect(excelErrorValue(text)).toBe(text === '＃N/A' ? '#N/A' : null);
    },
  );

  it.each([
    ['9133\u200b0300MA285G5X4Q', '91330300MA285G5X4Q'],
    ['\ufeff温州\u200c示例\u200d公司\u2060', '温州示例公司'],
    ['温州\u00a0示例', '温州 示例'],
    ['软\u00ad件', '软件'],
    ['a\u0000b\u0007c\u001fd\u007fe\u0085f', 'abcdef'],
    ['第一行\r\n第二行\t末', '第一行  第二行 末'],
    ['\u200e\u202a3821\u202c', '3821'],
    ['普通文字 123', '普通文字 123'],
  ])('%j is read as %j', (text, clean) => {
    expect(cleanCellText(text)).toBe(clean);
  });

  it.each([
    ['1,234.56', '1234.56'],
    ['1,234', '1234'],
    ['12,345,678', '12345678'],
    ['-1,000', '-1000'],
    ['１，２３４．５', '1234.5'],
    [' 4,200,000 ', '4200000'],
  ])('thousands separators: %j is %j', (text, plain) => {
    expect(groupedNumberText(text)).toBe(plain);
  });

  it.each([['1234.56'], ['1,23'], ['1,2345'], ['12,34,567'], [',123'], ['1,234,'], ['1.234,56'], ['一,二三四']])(
    '%j is not a grouped figure (checked as typed)',
    (text) => {
      expect(groupedNumberText(text)).toBeNull();
    },
  );
});
