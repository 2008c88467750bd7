import { useSearchParams } from 'react-router';
import { isPlatformKey, PLATFORM_KEYS, PLATFORMS, type PlatformKey } from '@pgs/domain';
import type { Role } from '@pgs/domain/platform/roles';
import { useMe } from '../../auth/session.ts';

/**
 * The platform a page is about: a platform user's own (fixed, D10), otherwise the one in the address (?platform=),
 * 瓯江口 by default, so a link to a platform's page can be shared.
 */
export function usePlatformChoice(): {
  platformKey: PlatformKey | undefined;
  setPlatformKey: (key: PlatformKey) => void;
  fixed: boolean;
  role: Role | undefined;
} {
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const own = me?.platformKey && isPlatformKey(me.platformKey) ? me.platformKey : undefined;
  const asked = params.get('platform');
  const platformKey = own ?? (asked && isPlatformKey(asked) ? asked : me ? PLATFORM_KEYS[0] : undefined);
  return {
    platformKey,
    setPlatformKey: (key) => {
      setParams(
        (current) => {
          current.set('platform', key);
          return current;
        },
        { replace: true },
      );
    },
    fixed: Boolean(own),
    role: me?.role,
  };
}

export const PLATFORM_OPTIONS = PLATFORMS.map((p) => ({ value: p.key, label: p.name }));

/** 'YYYY-MM' of today in Shanghai minus `back` months. */
export function monthAgo(back: number, now: Date = new Date()): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(now)
    .slice(0, 7);
  const [year, month] = day.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
