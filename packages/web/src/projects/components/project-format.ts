import { platformName, PLATFORMS, type PlatformKey } from '@pgs/domain';

/** 万元 as the ledger shows it: grouped, at most 2 decimals, exact digits kept (the server sends decimal strings). */
export function formatWan(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const [whole = '0', fraction = ''] = value.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction.slice(0, 2).replace(/0+$/, '');
  return trimmed ? `${grouped}.${trimmed}` : grouped;
}

/** 亿元 for a total investment in 万元 (the size tiers are named in 亿). */
export function formatYi(wan: string): string {
  return `${(Number(wan) / 10_000).toFixed(2).replace(/\.?0+$/, '')} 亿元`;
}

export function platformShortName(key: string | null | undefined): string {
  if (!key) return '—';
  return PLATFORMS.find((platform) => platform.key === key)?.shortName ?? platformName(key as PlatformKey);
}

export const PLATFORM_OPTIONS = PLATFORMS.map((platform) => ({ value: platform.key, label: platform.shortName }));
