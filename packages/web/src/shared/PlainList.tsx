import { Children, Fragment, isValidElement, type Key, type ReactNode } from 'react';
import { Spin, theme } from 'antd';

export type PlainListProps<T> = {
  items: readonly T[];
  rowKey: (item: T) => Key;
  renderItem: (item: T) => ReactNode;
  /** What the list says when it has no item; nothing when left out. */
  emptyText?: ReactNode;
  /** antd's List sizes: 'small' (the 工作台's cards) or 'default'. */
  size?: 'small' | 'default';
  /** A spinner over the list while its items arrive, as antd's List `loading`. */
  loading?: boolean;
  /** A test id for each row. */
  rowTestId?: (item: T) => string;
};

/**
 * A short list drawn as antd's `<List>` draws it (same padding, dividers and empty line, from the theme's tokens),
 * without the List component: that one brings its pagination and, through it, the select, ≈ 30 kB gzip the 工作台's
 * cards never use (issue #15, the first page after sign-in). For short lists only: no paging.
 */
/**
 * antd's List.Item lays its children out in a row (flex, space-between), unless they mix text with other children:
 * then it is a plain block, so "code 认定闲置 date [tag]" reads as one line of text. The same rule here.
 */
function mixesText(row: ReactNode): boolean {
  const children = isValidElement<{ children?: ReactNode }>(row) && row.type === Fragment ? row.props.children : row;
  const parts = Children.toArray(children);
  return parts.length > 1 && parts.some((child) => typeof child === 'string');
}

export function PlainList<T>({
  items,
  rowKey,
  renderItem,
  emptyText,
  size = 'small',
  loading = false,
  rowTestId,
}: PlainListProps<T>) {
  const { token } = theme.useToken();
  const text = { fontSize: token.fontSize, lineHeight: token.lineHeight, color: token.colorText };
  const padding =
    size === 'small'
      ? `${token.paddingContentVerticalSM}px ${token.paddingContentHorizontal}px`
      : `${token.paddingContentVertical}px 0`;
  const divider = `${token.lineWidth}px ${token.lineType} ${token.colorSplit}`;
  let body: ReactNode = null;
  if (items.length > 0) {
    body = (
      <ul style={{ ...text, margin: 0, padding: 0, listStyle: 'none' }}>
        {items.map((item, index) => {
          const row = renderItem(item);
          return (
            <li
              key={rowKey(item)}
              data-testid={rowTestId?.(item)}
              style={{
                display: mixesText(row) ? 'block' : 'flex',
                alignItems: 'center',
                justifyContent: 'space-between',
                padding,
                borderBlockEnd: index === items.length - 1 ? 'none' : divider,
              }}
            >
              {row}
            </li>
          );
        })}
      </ul>
    );
  } else if (loading) {
    // antd's List holds this much room under its spinner while the first items arrive.
    body = <div style={{ minHeight: 53 }} />;
  } else if (emptyText !== undefined) {
    body = (
      <div style={{ ...text, padding: token.padding, color: token.colorTextDisabled, textAlign: 'center' }}>
        {emptyText}
      </div>
    );
  }
  return loading ? <Spin spinning>{body}</Spin> : body;
}
