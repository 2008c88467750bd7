import { Typography } from 'antd';
import { Link } from 'react-router';

/** An enterprise's name linking to its page, its credit code beneath (saves a column in the wide lists). */
export function EnterpriseNameCell({
  name,
  creditCode,
  testId,
}: {
  name: string;
  creditCode: string;
  testId?: string;
}) {
  return (
    <div style={{ lineHeight: 1.35 }}>
      <Link
        to={`/enterprises/${creditCode}`}
        onClick={(event) => {
          event.stopPropagation();
        }}
        data-testid={testId}
      >
        {name}
      </Link>
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {creditCode}
      </Typography.Text>
    </div>
  );
}
