import { PLATFORMS, type PlatformKey } from '@pgs/domain';
import type { EnterpriseRecordView, Quantity } from '../enterprises.api.ts';

/**
 * Display of the base database's figures: grouped digits, at most `decimals` decimals, exact digits kept when the
 * server sends a decimal string (D1); '—' for a missing figure (D14).
 */
export function formatQuantity(value: Quantity | undefined, decimals = 2): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = typeof value === 'number' ? roundText(value, decimals) : value;
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction.slice(0, decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${trimmed ? `${grouped}.${trimmed}` : grouped}`;
}

function roundText(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toFixed(decimals);
}

/** A fraction (D2: 0.05) as a percentage for display: "5%", at most `decimals` decimals. */
export function formatPercent(fraction: number | string | null | undefined, decimals = 2): string {
  if (fraction === null || fraction === undefined || fraction === '') return '—';
  const value = Number(fraction);
  if (!Number.isFinite(value)) return '—';
  const factor = 10 ** decimals;
  return `${Math.round(value * 100 * factor) / factor}%`;
}

/** A fraction → the percentage number an input shows (0.2 → 20), without float noise (0.07 × 100). */
export function toPercentNumber(fraction: number): number {
  return Math.round(fraction * 100 * 1e6) / 1e6;
}

/** The percentage an input holds → the fraction the API takes (20 → 0.2). */
export function toFraction(percent: number): number {
  return Math.round((percent / 100) * 1e10) / 1e10;
}

/** Land used (亩) = owned + leased, as the server adds it up (a tenant has only leased land); null when both are missing. */
export function landOf(record: Pick<EnterpriseRecordView, 'landTotal'>): string | null {
  return record.landTotal;
}

/** 亩均税收 (万元/亩, 4 decimals) as the server computes it from tax and land used; null without tax or land. */
export function taxPerMuOf(record: Pick<EnterpriseRecordView, 'taxPerMu'>): string | null {
  return record.taxPerMu;
}

export function platformShort(key: string | null | undefined): string {
  if (!key) return '平台外';
  return PLATFORMS.find((platform) => platform.key === key)?.shortName ?? key;
}

export function platformFull(key: string | null | undefined): string {
  if (!key) return '全市平台外';
  return PLATFORMS.find((platform) => platform.key === key)?.name ?? key;
}

export const PLATFORM_OPTIONS: Array<{ value: PlatformKey; label: string }> = PLATFORMS.map((platform) => ({
  value: platform.key,
  label: platform.shortName,
}));
/** The platforms and 'none' (NO_PLATFORM of the contract): enterprises elsewhere in the city, evaluated for the city share. */
export const PLATFORM_FILTER_OPTIONS: Array<{ value: string; label: string }> = [
  ...PLATFORM_OPTIONS,
  { value: 'none', label: '平台外' },
];

/** A platform user sees and filters only its own platform (D10). */
export function ownPlatformOf(
  me: { role: string; platformKey?: string | null } | null | undefined,
): PlatformKey | null {
  if (!me || me.role !== 'platform' || !me.platformKey) return null;
  return PLATFORMS.some((platform) => platform.key === me.platformKey) ? (me.platformKey as PlatformKey) : null;
}
