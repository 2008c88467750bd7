import { useRef, type ReactNode } from 'react';
import { Button, Card, Skeleton } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { PartBoundary } from '../../shared/PartBoundary.tsx';

export type HomeCardProps = {
  title: string;
  /** Where the work is done; the card's 前往 button goes there. */
  to: string;
  action: string;
  loading?: boolean;
  testId: string;
  children: ReactNode;
};

/**
 * One card of the 工作台: a title, what waits, and a button to the page where it is done. Each card has its own
 * error boundary, so one failing card never takes the others with it.
 */
export function HomeCard({ title, to, action, loading, testId, children }: HomeCardProps) {
  const navigate = useNavigate();
  // A double click goes once: the second click would push the same page again, and Back would not come home.
  const went = useRef(false);
  const go = () => {
    if (went.current) return;
    went.current = true;
    void navigate(to);
  };
  return (
    <Card
      title={title}
      data-testid={testId}
      style={{ height: '100%' }}
      extra={
        <Button type="link" onClick={go} data-testid={`${testId}-link`}>
          {action} <RightOutlined />
        </Button>
      }
    >
      <PartBoundary name={title}>{loading ? <Skeleton active paragraph={{ rows: 2 }} /> : children}</PartBoundary>
    </Card>
  );
}
