import { useContext, type CSSProperties, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
// The root of antd's Typography alone: its style and class names, without the ellipsis, copy and edit machinery
// (tooltip, text area, resize observer) that Typography.Text/Title/Paragraph always bring (issue #15: ≈ 6 kB gzip on
// the first page, which only styles text).
import Typography from 'antd/es/typography/Typography';

type Props = {
  /** antd's Typography `type`: the text's colour. */
  type?: 'secondary' | 'success' | 'warning' | 'danger';
  /** Bold, as antd's `strong` (a <strong> inside). */
  strong?: boolean;
  style?: CSSProperties;
  children?: ReactNode;
  'data-testid'?: string;
};

/**
 * Text drawn as antd's Typography.Text, Title and Paragraph draw it when only styled (no ellipsis, copy or edit): the
 * same element, the same classes (`ant-typography`, `ant-typography-secondary`…) and the same theme style, so the page
 * looks the same. For those three uses only; a text that needs ellipsis or copying uses antd's own Typography.
 */
function Styled({ component, type, strong, children, ...rest }: Props & { component: 'span' | 'div' | 'h3' }) {
  const prefixCls = useContext(ConfigProvider.ConfigContext).getPrefixCls('typography');
  return (
    <Typography component={component} className={type ? `${prefixCls}-${type}` : undefined} {...rest}>
      {strong ? <strong>{children}</strong> : children}
    </Typography>
  );
}

/** As antd's `<Typography.Text>`: a span. */
export function Text(props: Props) {
  return <Styled component="span" {...props} />;
}

/** As antd's `<Typography.Paragraph>`: a div with the paragraph's margin. */
export function Paragraph(props: Props) {
  return <Styled component="div" {...props} />;
}

/** As antd's `<Typography.Title level={3}>`, the only level the first pages use. */
export function Title3(props: Omit<Props, 'type' | 'strong'>) {
  return <Styled component="h3" {...props} />;
}
