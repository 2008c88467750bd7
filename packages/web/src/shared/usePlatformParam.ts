import { useSearchParams } from 'react-router';
import { isPlatformKey, type PlatformKey } from '@pgs/domain/platform/platforms';

/**
 * A list page's platform filter kept in the address (`?platformKey=`), so a link from elsewhere (the cockpit's
 * 查看明细) opens the list already filtered to that platform, and Back or a shared link keeps it. An unknown key in
 * the address is ignored (all platforms). Cleared → the parameter is removed.
 */
export function usePlatformParam(): [PlatformKey | undefined, (key: string | undefined) => void] {
  const [search, setSearch] = useSearchParams();
  const asked = search.get('platformKey');
  const platformKey = asked && isPlatformKey(asked) ? asked : undefined;
  const setPlatformKey = (key: string | undefined) => {
    setSearch(
      (current) => {
        const params = new URLSearchParams(current);
        if (key) params.set('platformKey', key);
        else params.delete('platformKey');
        return params;
      },
      { replace: true },
    );
  };
  return [platformKey, setPlatformKey];
}
