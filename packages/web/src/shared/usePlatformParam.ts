import { isPlatformKey, type PlatformKey } from '@pgs/domain/platform/platforms';
import { useFilterParams } from './useFilterParams.ts';

const PLATFORM_FILTER = { platformKey: isPlatformKey };

/**
 * A list page's platform filter kept in the address (`?platformKey=`), so a link from elsewhere (the cockpit's
 * 查看明细) opens the list already filtered to that platform, and Back or a shared link keeps it. An unknown key in
 * the address is ignored (all platforms). Cleared → the parameter is removed. The one-filter case of
 * `useFilterParams`.
 */
export function usePlatformParam(): [PlatformKey | undefined, (key: string | undefined) => void] {
  const [filters, setFilters] = useFilterParams(PLATFORM_FILTER);
  const setPlatformKey = (key: string | undefined) => {
    setFilters({ platformKey: key });
  };
  return [filters.platformKey, setPlatformKey];
}
