import { CHANNEL_KIND_LABELS, PLATFORMS, TARGET_STATUS_LABELS, TARGET_TYPE_LABELS, TIER_LABELS } from '@pgs/domain';
import { labelOr } from '@pgs/domain/platform/format';

export const platformLabel = (key: string) => PLATFORMS.find((p) => p.key === key)?.name ?? key;
export const statusLabel = (status: string) => labelOr(TARGET_STATUS_LABELS, status);
export const typeLabel = (type: string) => labelOr(TARGET_TYPE_LABELS, type);
export const tierLabel = (tier: string | null) => (tier ? labelOr(TIER_LABELS, tier) : '5亿元以下');
export const STATUS_COLORS: Record<string, string> = {
  lead: 'default',
  contact: 'blue',
  negotiating: 'gold',
  reported: 'green',
  dropped: 'red',
};
export const TYPE_OPTIONS = Object.entries(TARGET_TYPE_LABELS).map(([value, label]) => ({ value, label }));
export const STATUS_OPTIONS = Object.entries(TARGET_STATUS_LABELS).map(([value, label]) => ({ value, label }));
export const TIER_OPTIONS = [
  ...Object.entries(TIER_LABELS).map(([value, label]) => ({ value, label })),
  { value: 'none', label: '5亿元以下' },
];
export const CHANNEL_KIND_OPTIONS = Object.entries(CHANNEL_KIND_LABELS).map(([value, label]) => ({ value, label }));
export const PLATFORM_OPTIONS = PLATFORMS.map((p) => ({ value: p.key, label: p.name }));
export const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);
export const days = (value: number | null) => (value === null ? '—' : `${Math.round(value * 10) / 10} 天`);
