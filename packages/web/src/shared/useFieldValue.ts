import { Form, type FormInstance } from 'antd';

/**
 * The live value of one form field. Undefined until the form has mounted or the field is filled, although
 * rc-field-form's type says the field's own type: the `| undefined` here keeps the callers' checks for it.
 */
export function useFieldValue<Values, Name extends keyof Values & string>(
  form: FormInstance<Values>,
  name: Name,
): Values[Name] | undefined {
  const value: Values[Name] | undefined = Form.useWatch(name, form);
  return value;
}
