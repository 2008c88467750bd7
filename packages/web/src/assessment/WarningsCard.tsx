import { Button, Card, List, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { AssessmentView } from './assessment.api.ts';

/** R4.3 warnings: last two years running, or clearly behind the yearly task at a quarter's check; each with its reason. */
export function WarningsCard({ view, canManage }: { view: AssessmentView; canManage: boolean }) {
  const navigate = useNavigate();
  const rows = view.platforms.flatMap((p) => p.warnings.map((w) => ({ ...w, platform: p })));
  return (
    <Card size="small" title="预警（约谈、通报）" data-testid="assessment-warnings">
      <Typography.Paragraph type="secondary">
        连续两年末位：{view.warningNote}。明显滞后：每季度末检查，年度任务完成进度低于时间进度的设定比例即预警。
      </Typography.Paragraph>
      <List
        dataSource={rows}
        locale={{ emptyText: '本次考核没有平台触发预警' }}
        renderItem={(row) => (
          <List.Item
            actions={
              canManage
                ? [
                    <Button
                      key="interview"
                      size="small"
                      onClick={() => {
                        void navigate(
                          `/assessment/interviews?platform=${row.platform.platformKey}&year=${view.year}&assessment=${view.id ?? ''}`,
                        );
                      }}
                    >
                      记录约谈
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <span>
                  <Tag color="red">{row.label}</Tag>
                  {row.platform.platformName}
                </span>
              }
              description={row.reason}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
