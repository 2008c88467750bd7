import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { isPlatformKey, PLATFORMS, type PlatformKey } from '@pgs/domain';
import { useMe } from '../../auth/session.ts';

/**
 * The platform shown, kept in the address (?platform=) so a link opens the same catalog. A platform user
 * starts on their own platform; published catalogs of the others stay readable (DESIGN.md).
 */
export function usePlatformParam(): [PlatformKey, (key: PlatformKey) => void] {
  const [params, setParams] = useSearchParams();
  const { data: user } = useMe();
  const fromUrl = params.get('platform');
  const platformKey: PlatformKey =
    fromUrl && isPlatformKey(fromUrl) ? fromUrl : (user?.platformKey ?? PLATFORMS[0]?.key ?? 'oujiangkou');
  const setPlatformKey = (key: PlatformKey) => {
    setParams({ platform: key });
  };
  return [platformKey, setPlatformKey];
}

export function PlatformTabs({ value, onChange }: { value: PlatformKey; onChange: (key: PlatformKey) => void }) {
  return (
    <div data-testid="platform-tabs">
      <Tabs
        activeKey={value}
        onChange={(key) => {
          if (isPlatformKey(key)) onChange(key);
        }}
        items={PLATFORMS.map((platform) => ({
          key: platform.key,
          label: <span data-testid={`platform-tab-${platform.key}`}>{platform.name}</span>,
        }))}
      />
    </div>
  );
}

export function platformNameOf(key: PlatformKey): string {
  return PLATFORMS.find((platform) => platform.key === key)?.name ?? key;
}
