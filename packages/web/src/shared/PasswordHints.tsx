import { Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { PASSWORD_MIN_CLASSES, PASSWORD_MIN_LENGTH, passwordProblems } from '@pgs/domain/platform/password-policy';
import type { FormRule } from 'antd';

/** The policy as the user types (the same function the server checks with), so no surprise on submit. */
export function PasswordHints({ password }: { password: string | undefined }) {
  const value = password ?? '';
  const problems = passwordProblems(value);
  if (!value) {
    return (
      <Typography.Text type="secondary" data-testid="password-hints">
        密码至少 {PASSWORD_MIN_LENGTH} 个字符，且包含小写字母、大写字母、数字、符号中的至少 {PASSWORD_MIN_CLASSES} 类
      </Typography.Text>
    );
  }
  if (problems.length === 0) {
    return (
      <Typography.Text type="success" data-testid="password-hints">
        <CheckCircleOutlined /> 密码符合要求
      </Typography.Text>
    );
  }
  return (
    <div data-testid="password-hints">
      {problems.map((problem) => (
        <div key={problem}>
          <Typography.Text type="danger">
            <CloseCircleOutlined /> {problem}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}

/** Form rule with the same check: refuses before the request is sent (the hints below say what is missing). */
export const passwordPolicyRule: FormRule = {
  validator: (_rule, value: string | undefined) =>
    value && passwordProblems(value).length > 0 ? Promise.reject(new Error('密码不符合要求：')) : Promise.resolve(),
};
