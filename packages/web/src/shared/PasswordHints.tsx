import { useEffect, useState } from 'react';
import { Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { PASSWORD_RULES_TEXT, passwordShapeProblems, type PasswordContext } from '@pgs/domain/platform/password-policy';
import type { FormRule } from 'antd';

type FullCheck = (password: string, context?: PasswordContext) => string[];
let fullCheck: FullCheck | null = null;
/** The full policy carries a word list (~1 MB): loaded when a password field first shows, not with every page. */
let loading: Promise<FullCheck> | null = null;
function loadFullCheck(): Promise<FullCheck> {
  loading ??= import('@pgs/domain/platform/password-check').then((module) => {
    fullCheck = module.passwordProblems;
    return module.passwordProblems;
  });
  return loading;
}

/** The same check the server makes (#10.10): the full one once loaded, the shape rules until then. */
export function passwordProblemsNow(password: string, context: PasswordContext = {}): string[] {
  return (fullCheck ?? passwordShapeProblems)(password, context);
}

function useFullCheckLoaded(): boolean {
  const [loaded, setLoaded] = useState(fullCheck !== null);
  useEffect(() => {
    if (loaded) return;
    let alive = true;
    void loadFullCheck().then(() => {
      if (alive) setLoaded(true);
    });
    return () => {
      alive = false;
    };
  }, [loaded]);
  return loaded;
}

/** The rules in Chinese, then, as the user types, what the password still lacks (the same functions the server checks with). */
export function PasswordHints({ password, username }: { password: string | undefined; username?: string | null }) {
  useFullCheckLoaded();
  const value = password ?? '';
  if (!value) {
    return (
      <div data-testid="password-hints">
        <Typography.Text type="secondary">密码要求：</Typography.Text>
        {PASSWORD_RULES_TEXT.map((rule) => (
          <div key={rule}>
            <Typography.Text type="secondary">· {rule}</Typography.Text>
          </div>
        ))}
      </div>
    );
  }
  const problems = passwordProblemsNow(value, { username });
  if (problems.length === 0) {
    return (
      <Typography.Text type="success" data-testid="password-hints">
        <CheckCircleOutlined /> 密码符合要求（不能与最近 5 次用过的密码相同，提交时检查）
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
export function passwordPolicyRule(username?: string | null): FormRule {
  return {
    validator: (_rule, value: string | undefined) =>
      value && passwordProblemsNow(value, { username }).length > 0
        ? Promise.reject(new Error('密码不符合要求：'))
        : Promise.resolve(),
  };
}
