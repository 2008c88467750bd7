import { lazy, Suspense, useContext, useState, type CSSProperties } from 'react';
import { ConfigProvider } from 'antd';
import DownOutlined from '@ant-design/icons/es/icons/DownOutlined';
import useStyle from 'antd/es/select/style';
import useCSSVarCls from 'antd/es/config-provider/hooks/useCSSVarCls';

// antd's Select (its option list, virtual scrolling, trigger): ≈ 20 kB gzip that the leader's first page loaded for a
// switch most visits never open (issue #15). It loads when the pointer or the focus comes to the control.
const AntdSelect = lazy(() => import('antd/es/select'));

type Option = { value: string; label: string };
/** Not yet asked for; loading because the pointer came (`soon`), the focus came, or a click or key asked to open. */
type Wanted = 'no' | 'soon' | 'focus' | 'open';
type Props = {
  'aria-label': string;
  'data-testid'?: string;
  style?: CSSProperties;
  value: string | undefined;
  onChange: (value: string) => void;
  options: Option[];
};

/**
 * A single-choice antd Select that draws its closed state itself (antd's markup, classes and theme style, so it looks
 * the same) and becomes antd's own Select once the pointer or the focus comes to it: a click or a key before that
 * opens the list as soon as it has loaded. For a plain list of labelled options only.
 */
export function SelectOnDemand(props: Props) {
  const [wanted, setWanted] = useState<Wanted>('no');
  const closed = <ClosedSelect {...props} onIntent={setWanted} />;
  if (wanted === 'no') return closed;
  return (
    <Suspense fallback={closed}>
      <AntdSelect
        aria-label={props['aria-label']}
        data-testid={props['data-testid']}
        style={props.style}
        value={props.value}
        onChange={(value) => {
          props.onChange(String(value));
        }}
        options={props.options}
        defaultOpen={wanted === 'open'}
        autoFocus={wanted !== 'soon'}
      />
    </Suspense>
  );
}

function ClosedSelect({ onIntent, ...props }: Props & { onIntent: (update: (before: Wanted) => Wanted) => void }) {
  const prefixCls = useContext(ConfigProvider.ConfigContext).getPrefixCls('select');
  const rootCls = useCSSVarCls(prefixCls);
  const [hashId, cssVarCls] = useStyle(prefixCls, rootCls);
  const label = props.options.find((option) => option.value === props.value)?.label;
  return (
    <div
      data-testid={props['data-testid']}
      className={`${prefixCls} ${prefixCls}-outlined ${cssVarCls} ${rootCls} ${hashId} ${prefixCls}-single ${prefixCls}-show-arrow`}
      style={props.style}
      onPointerEnter={() => {
        onIntent((before) => (before === 'no' ? 'soon' : before));
      }}
      onMouseDown={(event) => {
        event.preventDefault();
        onIntent(() => 'open');
      }}
    >
      <div
        className={label === undefined ? `${prefixCls}-content` : `${prefixCls}-content ${prefixCls}-content-has-value`}
        title={label}
      >
        {label}
        <input
          type="text"
          aria-label={props['aria-label']}
          readOnly
          autoComplete="new-password"
          className={`${prefixCls}-input`}
          role="combobox"
          aria-expanded="false"
          aria-haspopup="listbox"
          aria-autocomplete="list"
          value=""
          onFocus={() => {
            onIntent((before) => (before === 'open' ? before : 'focus'));
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ' || event.key === 'ArrowDown') onIntent(() => 'open');
          }}
        />
      </div>
      <div className={`${prefixCls}-suffix`}>
        <DownOutlined />
      </div>
    </div>
  );
}
