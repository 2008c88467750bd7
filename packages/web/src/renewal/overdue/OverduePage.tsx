import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { RENEWAL_TRACK_SHORT, type RenewalCaseView } from '@pgs/domain';
import { useMe } from '../../auth/session.ts';
import { useDownload } from '../../shared/useDownload.ts';
import { usePlatformParam } from '../../shared/usePlatformParam.ts';
import { todayInShanghai } from '../../shared/format.ts';
import { platformShortName } from '../../projects/components/project-format.ts';
import { PlatformSelect } from '../../shared/PlatformSelect.tsx';
import { exportCases, useOverdue } from '../renewal.api.ts';
import { StatusTag } from '../components/renewal-format.tsx';

/** 逾期案件: open cases past their deadline as of a day the user picks, per platform and responsible department. */
export function OverduePage() {
  const { data: me } = useMe();
  const [platformKey, setPlatformKey] = usePlatformParam();
  // The day may come in the address too (the cockpit links here as of its own day).
  const [search] = useSearchParams();
  const [asOf, setAsOf] = useState<Dayjs>(() => {
    const asked = dayjs(search.get('asOf') ?? '', 'YYYY-MM-DD', true);
    return asked.isValid() ? asked : dayjs(todayInShanghai());
  });
  const day = asOf.format('YYYY-MM-DD');
  const query = useOverdue({ platformKey, asOf: day });
  const exporting = useDownload(() => exportCases({ platformKey, overdue: 'true', asOf: day }));
  if (!me) return null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <span>统计日</span>
        <DatePicker
          value={asOf}
          onChange={(value) => {
            if (value) setAsOf(value);
          }}
          allowClear={false}
          format="YYYY-MM-DD"
          data-testid="overdue-as-of"
        />
        <PlatformSelect names="short" value={platformKey} onChange={setPlatformKey} data-testid="overdue-platform" />
        <Button onClick={() => void exporting.start()} loading={exporting.downloading} data-testid="export-overdue">
          导出 Excel
        </Button>
        <Typography.Text type="secondary" data-testid="overdue-total">
          截至 {day}：共 {query.data?.total ?? 0} 件逾期（统计日晚于完成期限且尚未完成；期限当天仍算按期）。
        </Typography.Text>
      </Space>
      {query.data && query.data.groups.length === 0 && <Empty description="截至统计日没有逾期案件" />}
      {query.data?.groups.map((group) => (
        <Card
          key={`${group.platformKey}-${group.department}`}
          size="small"
          title={`${platformShortName(group.platformKey)} · ${group.department}`}
          extra={`${group.count} 件，最长逾期 ${group.maxDaysOverdue} 天`}
          data-testid="overdue-group"
        >
          <Table<RenewalCaseView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={group.cases}
            columns={[
              {
                title: '企业名称',
                dataIndex: 'enterpriseName',
                render: (name, c) => <Link to={`/renewal/cases/${c.id}`}>{name}</Link>,
              },
              {
                title: '类型',
                dataIndex: 'track',
                width: 120,
                render: (t: RenewalCaseView['track']) => RENEWAL_TRACK_SHORT[t],
              },
              { title: '责任人', dataIndex: 'responsiblePerson', width: 90 },
              { title: '完成期限', dataIndex: 'deadline', width: 110 },
              { title: '逾期天数', dataIndex: 'daysOverdue', width: 90, align: 'right' },
              { title: '下一步', key: 'next', render: (_, c) => c.nextStep?.label ?? '' },
              { title: '状态', key: 'status', width: 90, render: (_, c) => <StatusTag c={c} /> },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}
