import { useState } from 'react';
import { Alert, App, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { can } from '@pgs/domain/platform/roles';
import { useMe } from '../../auth/session.ts';
import { handleError } from '../../api/queryClient.ts';
import { BarChart } from '../../shared/charts/BarChart.tsx';
import { saveCalendar, tripKeys, useCalendar, useCalendarYears, type HolidayCalendar } from '../trips.api.ts';
import { monthAgo } from '../components/usePlatformChoice.ts';

type Row = { key: number; name: string; offFrom: string; offTo: string; makeUpDays: string };

/**
 * The national holiday calendar by year (国务院办公厅 notices): the working days of every month follow from it. The
 * admin or the bureau enters next year's when the notice comes out; every one else reads it.
 */
export function HolidayCalendarPage() {
  const thisYear = Number(monthAgo(0).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const calendar = useCalendar(year);
  // A fresh editor for every year and every saved version: its rows start from what is saved.
  return (
    <CalendarEditor
      key={`${year}-${calendar.data?.version ?? 0}-${calendar.isFetched}`}
      year={year}
      thisYear={thisYear}
      setYear={setYear}
      calendar={calendar.data}
      loading={calendar.isLoading}
    />
  );
}

function CalendarEditor({
  year,
  thisYear,
  setYear,
  calendar,
  loading,
}: {
  year: number;
  thisYear: number;
  setYear: (year: number) => void;
  calendar: HolidayCalendar | undefined;
  loading: boolean;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const mayEdit = me ? can(me.role, 'calendar.edit') : false;
  const years = useCalendarYears();
  const [source, setSource] = useState(calendar?.source ?? '');
  const [rows, setRows] = useState<Row[]>(() =>
    (calendar?.festivals ?? []).map((f, i) => ({ key: i + 1, ...f, makeUpDays: f.makeUpDays.join('，') })),
  );
  const [saving, setSaving] = useState(false);
  let nextKey = rows.reduce((max, r) => Math.max(max, r.key), 0) + 1;

  const update = (key: number, patch: Partial<Row>) => {
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };

  const save = async () => {
    setSaving(true);
    try {
      await saveCalendar(year, {
        source,
        festivals: rows.map((r) => ({
          name: r.name,
          offFrom: r.offFrom.trim(),
          offTo: r.offTo.trim(),
          makeUpDays: r.makeUpDays
            .split(/[，,、\s]+/)
            .map((d) => d.trim())
            .filter(Boolean),
        })),
        ...(calendar ? { version: calendar.version } : {}),
      });
      message.success(`${year} 年节假日安排已保存`);
    } catch (error) {
      handleError(error);
    } finally {
      setSaving(false);
      await queryClient.invalidateQueries({ queryKey: tripKeys.calendars });
      await queryClient.invalidateQueries({ queryKey: tripKeys.calendar(year) });
      await queryClient.invalidateQueries({ queryKey: tripKeys.all });
    }
  };

  const known = new Set((years.data ?? []).map((y) => y.year));
  const yearOptions = [...new Set([...known, thisYear, thisYear + 1])].sort().map((y) => ({
    value: y,
    label: known.has(y) ? `${y} 年` : `${y} 年（未录入）`,
  }));
  const cell = (row: Row, field: 'name' | 'offFrom' | 'offTo' | 'makeUpDays', label: string, width: number) =>
    mayEdit ? (
      <Input
        aria-label={`${row.name || '新节日'}${label}`}
        style={{ width }}
        value={row[field]}
        onChange={(e) => {
          update(row.key, { [field]: e.target.value });
        }}
      />
    ) : (
      row[field] || '—'
    );

  return (
    <Card
      title="法定节假日与工作日"
      extra={
        <Space>
          <Select aria-label="年度" style={{ width: 160 }} value={year} options={yearOptions} onChange={setYear} />
          {mayEdit && (
            <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
              保存
            </Button>
          )}
        </Space>
      }
    >
      {!calendar && !loading && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${year} 年的节假日安排尚未录入：该年各月的工作日数和主要负责人招商时间占比暂无法计算。${mayEdit ? '请按国务院办公厅通知录入各节日的放假日期和调休上班日后保存。' : ''}`}
        />
      )}
      <Typography.Paragraph>
        <Typography.Text strong>来源：</Typography.Text>
        {mayEdit ? (
          <Input
            aria-label="来源"
            style={{ maxWidth: 640 }}
            value={source}
            placeholder="如：国务院办公厅关于2027年部分节假日安排的通知（发布日期）"
            onChange={(e) => {
              setSource(e.target.value);
            }}
          />
        ) : (
          source || '—'
        )}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        工作日 = 周一至周五，去掉放假日期，加上调休上班日（周六或周日）。日期按 2026-10-01
        的格式填写，多个调休上班日用逗号分隔。
      </Typography.Paragraph>
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: mayEdit ? '点击“添加节日”录入' : '尚未录入' }}
        columns={[
          { title: '节日', render: (_, r) => cell(r, 'name', '名称', 140) },
          { title: '放假开始', render: (_, r) => cell(r, 'offFrom', '放假开始', 130) },
          { title: '放假结束', render: (_, r) => cell(r, 'offTo', '放假结束', 130) },
          { title: '调休上班日', render: (_, r) => cell(r, 'makeUpDays', '调休上班日', 260) },
          ...(mayEdit
            ? [
                {
                  title: '',
                  key: 'remove',
                  render: (_: unknown, r: Row) => (
                    <Button
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={`删除${r.name}`}
                      onClick={() => {
                        setRows((cur) => cur.filter((x) => x.key !== r.key));
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {mayEdit && (
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => {
            setRows((cur) => [...cur, { key: nextKey++, name: '', offFrom: '', offTo: '', makeUpDays: '' }]);
          }}
        >
          添加节日
        </Button>
      )}
      {calendar && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {year} 年各月工作日数（已保存的安排）
          </Typography.Title>
          <BarChart
            data-testid="working-days-chart"
            seriesName="工作日数"
            unit=" 天"
            data={calendar.workingDaysByMonth.map((value, i) => ({ name: `${i + 1}月`, value }))}
          />
        </>
      )}
    </Card>
  );
}
