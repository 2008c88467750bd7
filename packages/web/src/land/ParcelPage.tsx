import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Space, Table, Timeline, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { can } from '@pgs/domain/platform/roles';
import {
  DELAY_CAUSE_LABELS,
  PARCEL_STATE_LABELS,
  REUSE_WAY_LABELS,
  SUPPLY_WAY_LABELS,
  VACATE_REASON_LABELS,
  shareLabel,
  type ParcelState,
} from '@pgs/domain';
import { useMe } from '../auth/session.ts';
import { handleError } from '../api/queryClient.ts';
import { platformShortName } from '../projects/components/project-format.ts';
import { landKeys, parcelAction, useParcel } from './land.api.ts';
import { CLOCK_LABELS, ClockTag, mu, StateTag, wan } from './land-format.tsx';
import { PARCEL_ACTION_SPECS, type ActionSpec } from './parcel-actions.ts';
import { ParcelActionModal } from './ParcelActionModal.tsx';
import { ParcelCasesCard } from '../renewal/components/ParcelCasesCard.tsx';

/** 地块详情: its facts, the idle-land clock as of any day (every figure explained), its timeline and its moves. */
export function ParcelPage() {
  const id = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const asOf = search.get('asOf') ?? undefined;
  const parcel = useParcel(id, asOf);
  const { data: me } = useMe();
  const [action, setAction] = useState<ActionSpec | null>(null);
  const queryClient = useQueryClient();
  const p = parcel.data;
  if (parcel.isError) return <Alert type="error" showIcon title="无法打开该地块：地块不存在，或不属于本平台" />;
  if (!p) return <Card loading />;
  const actions = PARCEL_ACTION_SPECS.filter(
    (spec) =>
      spec.from.includes(p.state) && me && can(me.role, spec.permission) && !(spec.path === 'publish' && p.isPublic),
  );
  const withdraw = async () => {
    try {
      await parcelAction(p.id, 'publish', { public: false, version: p.version });
      await queryClient.invalidateQueries({ queryKey: landKeys.all });
    } catch (error) {
      handleError(error);
    }
  };
  const clock = p.clock;
  const settings = clock.settings;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minWidth: 0 }}>
      <Card
        title={
          <Space>
            <span data-testid="parcel-title">地块 {p.code}</span>
            <StateTag state={p.state} />
            {p.isPublic && <Typography.Text type="success">已向投资者公开</Typography.Text>}
          </Space>
        }
        extra={
          <Space wrap>
            {actions.map((spec) => (
              <Button
                key={spec.path}
                onClick={() => {
                  setAction(spec);
                }}
                data-testid={`parcel-action-${spec.path}`}
              >
                {spec.label}
              </Button>
            ))}
            {p.isPublic && me && can(me.role, 'parcels.publish') && (
              <Button onClick={() => void withdraw()} data-testid="parcel-withdraw">
                撤回公开
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
          <Descriptions.Item label="所属平台">{platformShortName(p.platformKey)}</Descriptions.Item>
          <Descriptions.Item label="面积">
            <span title="1 亩 = 10000/15 平方米">
              {mu(p.area)} 亩（{Number(p.areaM2).toLocaleString('zh-CN')} 平方米）
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="规划用途">{p.plannedUse}</Descriptions.Item>
          <Descriptions.Item label="位置">{`${p.district ?? ''}${p.address ?? ''}` || '—'}</Descriptions.Item>
          <Descriptions.Item label="坐标">
            {p.location ? `${p.location.lng}, ${p.location.lat}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="边界">
            {p.boundaryAreaMu ? `已录入，边界围成约 ${p.boundaryAreaMu} 亩` : '未录入'}
          </Descriptions.Item>
          <Descriptions.Item label="批准">{`${p.approvedOn}，${p.approvalDocument}`}</Descriptions.Item>
          <Descriptions.Item label="责任人">{p.responsiblePerson}</Descriptions.Item>
          <Descriptions.Item label="供地期限">{p.deadline ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="供地">
            {p.supplyWay ? `${SUPPLY_WAY_LABELS[p.supplyWay]}，合同 ${p.contractNo}（${p.contractDate}）` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="土地价款">{wan(p.landPrice)}</Descriptions.Item>
          <Descriptions.Item label="用地单位">
            {p.holderName ? `${p.holderName}${p.holderCreditCode ? `（${p.holderCreditCode}）` : ''}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="约定开工 / 竣工">
            {p.agreedStartOn ? `${p.agreedStartOn} / ${p.agreedCompletionOn}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="开工 / 竣工">{`${p.startedOn ?? '—'} / ${p.completedOn ?? '—'}`}</Descriptions.Item>
          <Descriptions.Item label="建设进度">
            {p.developedArea || p.investedAmount
              ? `已开发 ${mu(p.developedArea)} 亩，已投资 ${wan(p.investedAmount)}${p.suspendedSince ? `，自 ${p.suspendedSince} 停工` : ''}`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="腾空">
            {p.vacatedOn
              ? `${p.vacatedOn}，${p.vacatedFrom}（${p.vacateReason ? VACATE_REASON_LABELS[p.vacateReason] : ''}）`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="再利用">
            {p.reuseWay ? `${REUSE_WAY_LABELS[p.reuseWay]}，${p.reusedOn}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="招商联系方式">{p.contact ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        title={
          <Space>
            闲置认定
            <ClockTag clock={clock} />
          </Space>
        }
        extra={
          <Space>
            计算日
            <DatePicker
              allowClear
              value={dayjs(clock.asOf)}
              onChange={(d) => {
                setSearch(d ? { asOf: d.format('YYYY-MM-DD') } : {});
              }}
              data-testid="clock-asof"
            />
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={`截至 ${clock.asOf} 的状态`}>
            <b data-testid="clock-status">{CLOCK_LABELS[clock.status]}</b>
            {clock.slowConstruction ? '，建设缓慢（已过约定竣工日期）' : ''}
          </Descriptions.Item>
          <Descriptions.Item label="认定闲置日">
            {clock.idleFrom ?? '不计算（未供地、已开工正常建设或已竣工）'}
          </Descriptions.Item>
          <Descriptions.Item label="可收回日">{clock.recoveryFrom ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="土地闲置费">
            <span data-testid="clock-fee">{clock.idleFee ? wan(clock.idleFee) : '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="不计入的延期天数">{clock.delayDays} 天</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 12 }} data-testid="clock-reasons">
          <b>计算说明：</b>
          {clock.reasons.map((reason) => (
            <span key={reason} style={{ display: 'block' }}>
              · {reason}
            </span>
          ))}
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          期间按民法典计算：约定开工日当日不计入，满 {settings.idleAfterYears} 年之日届满，次日起认定闲置；满{' '}
          {settings.recoveryAfterYears} 年可收回；闲置费为土地价款的 {shareLabel(String(settings.idleFeeRate))}
          ；已开工但开发面积不足 {shareLabel(String(settings.startedAreaShare))} 或投资不足{' '}
          {shareLabel(String(settings.startedInvestmentShare))} 且停工满 {settings.suspendedYears} 年也认定闲置。
          以上参数由市经信委、市发改委设置，本结果按这些参数计算。
        </Typography.Text>
      </Card>

      {p.delays.length > 0 && (
        <Card title="延期记录">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.delays}
            columns={[
              {
                title: '原因',
                dataIndex: 'cause',
                render: (c: keyof typeof DELAY_CAUSE_LABELS) => DELAY_CAUSE_LABELS[c],
              },
              { title: '理由', dataIndex: 'reason' },
              { title: '证明材料', dataIndex: 'evidence', render: (v: string | null) => v ?? '—' },
              {
                title: '起止',
                render: (_: unknown, d: { fromOn: string; toOn: string }) => `${d.fromOn} 至 ${d.toOn}`,
              },
              { title: '天数', dataIndex: 'days' },
            ]}
          />
        </Card>
      )}

      {me && can(me.role, 'renewal.read') && <ParcelCasesCard parcelCode={p.code} platformKey={p.platformKey} />}

      <Card title="时间线">
        <Timeline
          data-testid="parcel-timeline"
          items={p.history.map((event) => ({
            children: (
              <div>
                <b>{event.effectiveDate}</b>{' '}
                {event.toState && event.fromState !== event.toState
                  ? `${event.fromState ? PARCEL_STATE_LABELS[event.fromState as ParcelState] : ''} → ${PARCEL_STATE_LABELS[event.toState as ParcelState]}`
                  : ''}
                <div>{event.summary}</div>
                <Typography.Text type="secondary">
                  第 {event.version} 版 · {event.actorName} · 记录于 {dayjs(event.at).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      </Card>
      <ParcelActionModal
        spec={action}
        parcelId={p.id}
        version={p.version}
        onClose={() => {
          setAction(null);
        }}
        extra={action?.path === 'publish' ? { public: true } : undefined}
      />
    </div>
  );
}
