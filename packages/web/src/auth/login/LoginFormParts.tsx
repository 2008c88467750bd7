import { useContext, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Col, ConfigProvider, Row } from 'antd';
// antd's Form draws its items with these; the Form itself brings @rc-component/form and async-validator, ≈ 18 kB gzip
// that every first page loaded for two required fields (issue #15). Same markup, classes, theme style and error
// motion as <Form layout="vertical" requiredMark={false}> with its <Form.Item>s, without the form store.
import ErrorList from 'antd/es/form/ErrorList';
import { FormItemInputContext, FormItemPrefixContext } from 'antd/es/form/context';
import useDebounce from 'antd/es/form/hooks/useDebounce';
import useStyle from 'antd/es/form/style';
import useCSSVarCls from 'antd/es/config-provider/hooks/useCSSVarCls';

const NO_ERRORS: string[] = [];

function useFormStyle() {
  const prefixCls = useContext(ConfigProvider.ConfigContext).getPrefixCls('form');
  const rootCls = useCSSVarCls(prefixCls);
  const [hashId, cssVarCls] = useStyle(prefixCls, rootCls);
  return { prefixCls, classes: `${cssVarCls} ${rootCls} ${hashId}` };
}

/** As antd's `<Form layout="vertical" requiredMark={false}>`: a form whose submit (button or Enter) calls `onSubmit`. */
export function VerticalForm({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  const { prefixCls, classes } = useFormStyle();
  return (
    <form
      className={`${prefixCls} ${prefixCls}-vertical ${prefixCls}-hide-required-mark ${classes}`}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

export type FieldStatus = { error: string | null; changed: boolean };

/** The props antd's Form.Item gives its input: the id its label points at, and what assistive technology reads. */
export function fieldInputProps(id: string, status: FieldStatus) {
  return status.error === null
    ? { id, 'aria-required': true }
    : { id, 'aria-required': true, 'aria-describedby': `${id}_help`, 'aria-invalid': true };
}

/**
 * As antd's `<Form.Item label required>` in a vertical form: the label above, the input, and the error below it,
 * faded in and out by antd's own ErrorList; the item keeps its height while the error animates (antd's margin
 * offset). `success` once the user changed a field that is valid, as antd marks it.
 */
export function VerticalFormItem({
  id,
  label,
  status,
  children,
}: {
  id: string;
  label: string;
  status: FieldStatus;
  children: ReactNode;
}) {
  const { prefixCls, classes } = useFormStyle();
  const item = `${prefixCls}-item`;
  const errors = useDebounce(status.error === null ? NO_ERRORS : [status.error]);
  const hasError = errors.length > 0;
  const validateStatus: 'error' | 'success' | '' = status.error !== null ? 'error' : status.changed ? 'success' : '';
  const itemRef = useRef<HTMLDivElement>(null);
  const [marginBottom, setMarginBottom] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (hasError && itemRef.current)
      setMarginBottom(Number.parseInt(getComputedStyle(itemRef.current).marginBottom, 10));
  }, [hasError]);
  const inputContext = useMemo(
    () => ({ status: validateStatus, hasFeedback: false, isFormItemInput: true, name: id }),
    [validateStatus, id],
  );
  const prefixContext = useMemo(() => ({ prefixCls, status: validateStatus }), [prefixCls, validateStatus]);
  const className = [
    item,
    classes,
    hasError && `${item}-with-help`,
    validateStatus && `${item}-has-${validateStatus}`,
    `${item}-vertical`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className} ref={itemRef}>
      <Row className={`${item}-row`}>
        <Col className={`${item}-label`}>
          <label htmlFor={id} className={`${item}-required ${item}-required-mark-hidden`} title={label}>
            {label}
          </label>
        </Col>
        <Col className={`${item}-control`}>
          <div className={`${item}-control-input`}>
            <div className={`${item}-control-input-content`}>
              <FormItemInputContext.Provider value={inputContext}>{children}</FormItemInputContext.Provider>
            </div>
          </div>
          {(marginBottom !== null || hasError) && (
            <div className={`${item}-additional`} style={marginBottom ? { minHeight: marginBottom } : {}}>
              <FormItemPrefixContext.Provider value={prefixContext}>
                <ErrorList
                  fieldId={id}
                  errors={errors}
                  helpStatus={validateStatus}
                  className={`${item}-explain-connected`}
                  onVisibleChanged={(visible) => {
                    if (!visible && !hasError) setMarginBottom(null);
                  }}
                />
              </FormItemPrefixContext.Provider>
            </div>
          )}
        </Col>
      </Row>
      {!!marginBottom && <div className={`${item}-margin-offset`} style={{ marginBottom: -marginBottom }} />}
    </div>
  );
}
