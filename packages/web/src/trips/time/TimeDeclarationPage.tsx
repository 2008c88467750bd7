import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { can } from '@pgs/domain/platform/roles';
import { handleError } from '../../api/queryClient.ts';
import { declareTime, tripKeys, useTimeSheet, type TimeSheet } from '../trips.api.ts';
import { monthAgo, PLATFORM_OPTIONS, usePlatformChoice } from '../components/usePlatformChoice.ts';

type Row = TimeSheet['rows'][number];
const MONTHS = Array.from({ length: 24 }, (_, i) => monthAgo(i));

/** R2.8 monthly time declaration: each person's days on investment; main leaders need 1/3 of the working days. */
export function TimeDeclarationPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { platformKey, setPlatformKey, fixed, role } = usePlatformChoice();
  const [month, setMonth] = useState(monthAgo(1));
  const sheet = useTimeSheet(platformKey, month);
  const mayEdit = role ? can(role, 'trips.report') : false;
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [saving, setSaving] = useState<number | null>(null);
  const workingDays = sheet.data?.workingDays ?? null;

  const save = async (row: Row) => {
    const value = (typed[row.staff.id] ?? row.investmentDays ?? '').trim();
    if (value === '') {
      message.error('请填写招商工作天数');
      return;
    }
    // The contract's own wording, checked here too so the field is named as people know it.
    if (!/^\d{1,2}(\.5|\.0)?$/.test(value)) {
      message.error('招商工作天数应为 0–31 的整数或半天（如 7.5）');
      return;
    }
    setSaving(row.staff.id);
    try {
      await declareTime(row.staff.id, month, {
        investmentDays: value,
        ...(row.version === null ? {} : { version: row.version }),
      });
      message.success(`${row.staff.name} ${month} 的招商工作天数已保存`);
      setTyped((current) => Object.fromEntries(Object.entries(current).filter(([id]) => Number(id) !== row.staff.id)));
    } catch (error) {
      handleError(error);
    } finally {
      setSaving(null);
      await queryClient.invalidateQueries({ queryKey: tripKeys.all });
    }
  };

  const share = (days: string | null) => {
    if (days === null || workingDays === null) return <Tag>未申报</Tag>;
    const ok = Number(days) * 3 >= workingDays;
    return (
      <Tag color={ok ? 'green' : 'red'}>
        {days}/{workingDays} {ok ? '达到1/3' : '不足1/3'}
      </Tag>
    );
  };

  return (
    <Card
      title="招商工作时间申报"
      extra={
        <Space wrap>
          {!fixed && (
            <Select
              aria-label="平台"
              style={{ width: 220 }}
              value={platformKey}
              options={PLATFORM_OPTIONS}
              onChange={setPlatformKey}
            />
          )}
          <Select
            aria-label="月份"
            style={{ width: 130 }}
            value={month}
            options={MONTHS.map((m) => ({ value: m, label: m }))}
            onChange={(value) => {
              setMonth(value);
              setTyped({});
            }}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" data-testid="working-days">
        {workingDays === null
          ? `${month.slice(0, 4)} 年的节假日安排尚未录入，暂无法计算工作日数，请联系市招商局或系统管理员录入。`
          : `${month} 共有 ${workingDays} 个工作日（按国务院办公厅节假日安排，含调休上班日）。主要负责人招商工作天数 × 3 ≥ ${workingDays} 即达到“1/3以上”，可填半天（如 7.5）。`}
      </Typography.Paragraph>
      <Table<Row>
        rowKey={(row) => row.staff.id}
        loading={sheet.isLoading}
        dataSource={sheet.data?.rows ?? []}
        pagination={false}
        locale={{ emptyText: '该月名册上没有人员：请先在“招商人员名册”中添加人员' }}
        columns={[
          {
            title: '姓名',
            render: (_, row) => (
              <Space>
                {row.staff.name}
                {row.staff.mainLeader && <Tag color="blue">主要负责人</Tag>}
              </Space>
            ),
          },
          { title: '职务', render: (_, row) => row.staff.position },
          {
            title: '招商工作天数',
            render: (_, row) =>
              mayEdit ? (
                <Input
                  aria-label={`${row.staff.name}的招商工作天数`}
                  style={{ width: 100 }}
                  value={typed[row.staff.id] ?? row.investmentDays ?? ''}
                  onChange={(event) => {
                    setTyped((current) => ({ ...current, [row.staff.id]: event.target.value }));
                  }}
                  onPressEnter={() => void save(row)}
                  suffix="天"
                />
              ) : (
                (row.investmentDays ?? '未申报')
              ),
          },
          { title: '占工作日', render: (_, row) => (row.staff.mainLeader ? share(row.investmentDays) : '—') },
          ...(mayEdit
            ? [
                {
                  title: '操作',
                  key: 'save',
                  render: (_: unknown, row: Row) => (
                    <Button
                      size="small"
                      type="primary"
                      loading={saving === row.staff.id}
                      onClick={() => void save(row)}
                    >
                      保存
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
