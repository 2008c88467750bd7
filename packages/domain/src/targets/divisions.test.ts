import { describe, expect, it } from 'vitest';
import { divisionProblem, isFocusRegion, mapProvinceName, PROVINCES, provinceOfMapName } from './divisions.ts';

describe('headquarters from the administrative-division list (R2.7 北上广深杭)', () => {
  it('has the 31 mainland provinces, municipalities as their own city', () => {
    expect(PROVINCES).toHaveLength(31);
    expect(PROVINCES.find((p) => p.name === '上海市')?.cities).toEqual(['上海市']);
    expect(PROVINCES.find((p) => p.name === '浙江省')?.cities).toContain('温州市');
  });
  it('accepts a city of its province and refuses one of another or a typed name', () => {
    expect(divisionProblem('广东省', '深圳市')).toBeNull();
    expect(divisionProblem('浙江省', '深圳市')).toBe('总部所在城市“深圳市”不属于浙江省');
    expect(divisionProblem('广东', '深圳市')).toBe('总部所在省份“广东”不在行政区划表中');
  });
  it('marks exactly the five focus cities', () => {
    for (const city of ['北京市', '上海市', '广州市', '深圳市', '杭州市']) expect(isFocusRegion(city)).toBe(true);
    expect(isFocusRegion('宁波市')).toBe(false);
    expect(isFocusRegion('天津市')).toBe(false);
  });
  it('names provinces as the China map does and back', () => {
    expect(mapProvinceName('广西壮族自治区')).toBe('广西');
    expect(mapProvinceName('北京市')).toBe('北京');
    expect(mapProvinceName('浙江省')).toBe('浙江');
    expect(provinceOfMapName('新疆')).toBe('新疆维吾尔自治区');
    expect(provinceOfMapName('香港')).toBeNull();
  });
});
