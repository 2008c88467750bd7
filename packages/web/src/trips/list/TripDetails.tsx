import { useMemo, useState } from 'react';
import { App, Button, Descriptions, Input, Modal, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { quarterOfDay, shanghaiDay } from '@pgs/domain';
import { handleError } from '../../api/queryClient.ts';
import { tripKeys, withdrawTrip, type TripView } from '../trips.api.ts';
import { AttachmentList } from '../components/AttachmentUpload.tsx';
import { TargetFormModal } from '../../targets/library/TargetFormModal.tsx';

/**
 * One trip as reported (R2.8): whom they met (and which are targets), outcome, projects, targets, attachments; for its
 * platform also 修改, 撤回 (with a reason) and "加入目标企业库" for an enterprise met that is not a target yet.
 */
export function TripDetails({ trip, mayReport }: { trip: TripView; mayReport: boolean }) {
  const queryClient = useQueryClient();
  const [metSeq, setMetSeq] = useState<number | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: tripKeys.all });
  const met = metSeq === null ? undefined : trip.met[metSeq];
  // One object per opened contact: the form resets when it changes, so a refetch of the list must not make a new one.
  const metOnTrip = useMemo(
    () =>
      met && metSeq !== null
        ? { tripId: trip.id, version: trip.version, seq: metSeq, name: met.name, creditCode: met.creditCode }
        : undefined,
    // `met` itself is a new object after every refetch: its name and code are what the form needs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [trip.id, trip.version, metSeq, met?.name, met?.creditCode],
  );
  const changeable = mayReport && trip.withdrawnAt === null;
  return (
    <>
      <Descriptions size="small" column={1} bordered>
        {trip.withdrawnAt && (
          <Descriptions.Item label="已撤回">
            <Tag color="default">已撤回</Tag> {shanghaiDay(new Date(trip.withdrawnAt))}，原因：{trip.withdrawReason}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="会见企业">
          {trip.met.length === 0 ? (
            '未填写'
          ) : (
            <Space orientation="vertical" size={2}>
              {trip.met.map((m, seq) => (
                <Space key={seq} wrap>
                  <span>{m.creditCode ? `${m.name}（${m.creditCode}）` : m.name}</span>
                  {m.targetId ? (
                    <Link to={`/targets/${m.targetId}`}>
                      <Tag color="blue">目标企业</Tag>
                    </Link>
                  ) : (
                    changeable && (
                      <Button
                        size="small"
                        onClick={() => {
                          setMetSeq(seq);
                        }}
                      >
                        加入目标企业库
                      </Button>
                    )
                  )}
                </Space>
              ))}
            </Space>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="成效">{trip.outcome}</Descriptions.Item>
        <Descriptions.Item label="关联目标企业">
          {trip.targets.length === 0
            ? '无'
            : trip.targets.map((x) => (
                <Link key={x.id} to={`/targets/${x.id}`} style={{ marginRight: 12 }}>
                  {x.name}（{x.quarter}）
                </Link>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label="关联项目">
          {trip.projects.length === 0
            ? '无'
            : trip.projects.map((p) => (
                <Link key={p.id} to={`/projects/${p.id}`} style={{ marginRight: 12 }}>
                  #{p.id} {p.name}
                </Link>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label="报备">
          报备日期 {trip.reportedOn}，报备期限 {trip.dueOn}
          {trip.updatedAt ? `；${shanghaiDay(new Date(trip.updatedAt))} 修改过` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="照片或纪要">
          <AttachmentList trip={trip} mayUpload={changeable} onUploaded={refresh} />
        </Descriptions.Item>
      </Descriptions>
      {changeable && (
        <Space style={{ marginTop: 8 }}>
          <Link to={`/trips/${trip.id}/edit`}>
            <Button>修改报备</Button>
          </Link>
          <WithdrawButton trip={trip} onDone={refresh} />
        </Space>
      )}
      <TargetFormModal
        open={met !== undefined}
        platformKey={trip.platformKey}
        quarter={quarterOfDay(trip.startOn)}
        target={null}
        metOnTrip={metOnTrip}
        onClose={() => {
          setMetSeq(null);
        }}
        onSaved={() => {
          setMetSeq(null);
          refresh();
        }}
      />
    </>
  );
}

/** 撤回: asks for the reason first; the trip then counts nowhere (list, compliance, targets). */
function WithdrawButton({ trip, onDone }: { trip: TripView; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy) return;
    if (!reason.trim()) {
      setProblem('请填写撤回原因');
      return;
    }
    setBusy(true);
    try {
      await withdrawTrip(trip.id, { version: trip.version, reason: reason.trim() });
      message.success('已撤回该外出招商报备');
      setOpen(false);
      onDone();
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        danger
        onClick={() => {
          setOpen(true);
          setProblem(null);
        }}
      >
        撤回报备
      </Button>
      <Modal
        open={open}
        title="撤回外出招商报备"
        okText="确认撤回"
        cancelText="取消"
        okButtonProps={{ danger: true }}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => {
          setOpen(false);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph>
          撤回后该次外出不再计入报备列表、招商力量达标和目标企业，但保留在审计记录中。
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="撤回原因"
          placeholder="撤回原因，如：重复报备"
          rows={2}
          maxLength={500}
          value={reason}
          status={problem ? 'error' : undefined}
          onChange={(event) => {
            setReason(event.target.value);
            if (event.target.value.trim()) setProblem(null);
          }}
        />
        {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      </Modal>
    </>
  );
}
