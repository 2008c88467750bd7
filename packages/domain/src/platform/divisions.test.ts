import { describe, expect, it } from 'vitest';
import {
  citiesOf,
  divisionProblem,
  isFocusRegion,
  isKnownCity,
  mapProvinceName,
  PROVINCES,
  provinceOfMapName,
} from './divisions.ts';

describe('the one administrative-division list: headquarters (R2.7 北上广深杭) and trip destinations (R2.8)', () => {
  it('has the 31 mainland provinces and 香港、澳门、台湾, municipalities as their own city', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(34);
    expect(PROVINCES.find((p) => p.name === '上海市')?.cities).toEqual(['上海市']);
    expect(PROVINCES.find((p) => p.name === '浙江省')?.cities).toContain('温州市');
  });
  it('accepts a city of its province and refuses one of another or a typed name', () => {
    expect(divisionProblem('广东省', '深圳市')).toBeNull();
    expect(divisionProblem('浙江省', '深圳市')).toBe('总部所在城市“深圳市”不属于浙江省');
    expect(divisionProblem('广东', '深圳市')).toBe('总部所在省份“广东”不在行政区划表中');
    expect(divisionProblem('浙江省', '杭州', '目的地')).toBe('目的地城市“杭州”不属于浙江省');
    expect(isKnownCity('浙江省', '温州市')).toBe(true);
    expect(isKnownCity('浙江省', '上海市')).toBe(false);
    expect(citiesOf('不存在')).toEqual([]);
  });
  it('names county-level cities governed by a province themselves, not 省直辖县级行政区划', () => {
    expect(citiesOf('湖北省')).toContain('仙桃市');
    expect(citiesOf('新疆维吾尔自治区')).toContain('石河子市');
    for (const province of PROVINCES) expect(province.cities.some((c) => c.includes('直辖县级'))).toBe(false);
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
    expect(provinceOfMapName('香港')).toBe('香港特别行政区');
    expect(provinceOfMapName('台湾')).toBe('台湾省');
    expect(provinceOfMapName('火星')).toBeNull();
  });
});
