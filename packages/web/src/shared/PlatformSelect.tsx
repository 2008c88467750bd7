import type { CSSProperties, ReactNode } from 'react';
import { Select } from 'antd';
import { isPlatformKey, PLATFORMS, type PlatformKey } from '@pgs/domain';
import { useMe } from '../auth/session.ts';

const FULL_NAMES = PLATFORMS.map((platform) => ({ value: platform.key, label: platform.name }));
const SHORT_NAMES = PLATFORMS.map((platform) => ({ value: platform.key, label: platform.shortName }));

/**
 * The one platform filter of a list, board or map (D10/D17 on the web): a platform user sees only its own platform
 * (the server scopes every answer), so it gets no filter at all; everyone else picks one platform or clears the pick
 * (every platform). The value is the page's: its own state, `usePlatformParam` (`?platformKey=`) or a Form field (a
 * Form.Item hands `value` and `onChange` to it).
 */
export function PlatformSelect({
  value,
  onChange,
  names = 'full',
  width = names === 'full' ? 200 : 140,
  placeholder = '全部平台',
  style,
  ...rest
}: {
  value?: string | null;
  onChange?: (platformKey: PlatformKey | undefined) => void;
  /** 'full': 瓯江口产业集聚区 (trips, targets); 'short': 瓯江口 (projects, land, renewal). */
  names?: 'full' | 'short';
  width?: number;
  /** What the cleared filter reads; `null` for none. */
  placeholder?: ReactNode;
  style?: CSSProperties;
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}) {
  const me = useMe().data;
  if (me?.role === 'platform') return null;
  return (
    <Select<string>
      {...rest}
      allowClear
      placeholder={placeholder ?? undefined}
      style={{ width, ...style }}
      options={names === 'full' ? FULL_NAMES : SHORT_NAMES}
      value={value ?? undefined}
      onChange={(key: string | undefined) => {
        onChange?.(key !== undefined && isPlatformKey(key) ? key : undefined);
      }}
    />
  );
}
