/** The three municipal platforms of POLICY.md §一(一), with their leading industries and supporting services. */
export const PLATFORM_KEYS = ['oujiangkou', 'zhenan', 'hitech'] as const;
export type PlatformKey = (typeof PLATFORM_KEYS)[number];

export type PlatformInfo = {
  key: PlatformKey;
  name: string;
  shortName: string;
  leadingIndustries: string[];
  supportingServices: string[];
};

export const PLATFORMS: readonly PlatformInfo[] = [
  {
    key: 'oujiangkou',
    name: '瓯江口产业集聚区',
    shortName: '瓯江口',
    leadingIndustries: ['临港装备制造', '以智能电气为特色的智能装备', '新能源'],
    supportingServices: ['研发创新', '商务办公', '总部经济', '现代物流', '展览展示'],
  },
  {
    key: 'zhenan',
    name: '浙南产业集聚区',
    shortName: '浙南',
    leadingIndustries: ['汽车整车及关键零部件制造', '智能机械装备制造'],
    supportingServices: ['现代商贸', '现代物流', '科技服务', '信息服务'],
  },
  {
    key: 'hitech',
    name: '温州高新区(浙南科技城)',
    shortName: '高新区',
    leadingIndustries: ['生命健康', '智能制造与自动化', '新材料(机会产业)', '新能源(机会产业)', '节能环保(机会产业)'],
    supportingServices: ['现代服务业'],
  },
];

export function isPlatformKey(value: string): value is PlatformKey {
  return (PLATFORM_KEYS as readonly string[]).includes(value);
}

export function platformName(key: PlatformKey): string {
  return PLATFORMS.find((p) => p.key === key)?.name ?? key;
}
