import {
  isPublishable,
  parcelClock,
  REUSE_WAY_LABELS,
  VACATE_REASON_LABELS,
  type publishParcelSchema,
  type recoverParcelSchema,
  type reuseParcelSchema,
  type vacateParcelSchema,
} from '@pgs/domain';
import type { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { type Actor } from '../platform/actor.ts';
import { AppError, unprocessable } from '../platform/errors.ts';
import { factsOf } from './parcels.repository.ts';
import { assertKnownHolder } from './parcel-holder.ts';
import { changeParcel, dateProblem, notAfterToday } from './parcel-change.ts';
import { today } from './parcel-view.ts';

/** 腾空: from which enterprise and why (another module may call this from an enterprise's exit). */
export function vacateParcel(db: Db, actor: Actor, id: number, input: z.infer<typeof vacateParcelSchema>, now: Date) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'vacate',
    'parcels.edit',
    (row) => {
      const latest = [row.contractDate, row.startedOn, row.completedOn, row.reusedOn].filter(Boolean).sort().at(-1);
      if (latest && input.vacatedOn < latest)
        throw dateProblem(`腾空日期 ${input.vacatedOn} 早于地块上一次变化的日期 ${latest}`);
      notAfterToday(input.vacatedOn, '腾空日期', now);
      const { version: _v, ...facts } = input;
      return {
        set: {
          vacatedOn: input.vacatedOn,
          vacatedFrom: input.fromEnterpriseName,
          vacatedFromCreditCode: input.fromEnterpriseCreditCode ?? null,
          vacateReason: input.reason,
          reuseWay: null,
          reusedOn: null,
        },
        toState: 'vacated',
        effectiveDate: input.vacatedOn,
        summary: `${input.fromEnterpriseName}因${VACATE_REASON_LABELS[input.reason]}腾空${input.note ? `：${input.note}` : ''}`,
        audit: { action: 'parcels.vacate', after: facts },
      };
    },
    now,
  );
}

export function reuseParcel(db: Db, actor: Actor, id: number, input: z.infer<typeof reuseParcelSchema>, now: Date) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'reuse',
    'parcels.edit',
    async (row) => {
      if (input.reusedOn < row.vacatedOn!)
        throw dateProblem(`再利用日期 ${input.reusedOn} 早于腾空日期 ${row.vacatedOn}`);
      notAfterToday(input.reusedOn, '再利用日期', now);
      await assertKnownHolder(db, input.newHolderCreditCode, '新用地单位');
      const { version: _v, ...facts } = input;
      return {
        set: {
          reuseWay: input.way,
          reusedOn: input.reusedOn,
          holderName: input.newHolderName,
          holderCreditCode: input.newHolderCreditCode ?? null,
          isPublic: false,
        },
        toState: 'reused',
        effectiveDate: input.reusedOn,
        summary: `以${REUSE_WAY_LABELS[input.way]}方式再利用，新用地单位 ${input.newHolderName}`,
        audit: { action: 'parcels.reuse', after: facts },
      };
    },
    now,
  );
}

export function recoverParcel(db: Db, actor: Actor, id: number, input: z.infer<typeof recoverParcelSchema>, now: Date) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'recover',
    'parcels.edit',
    (row, settings, delays) => {
      if (input.recoveredOn < row.contractDate!)
        throw dateProblem(`收回日期 ${input.recoveredOn} 早于合同日期 ${row.contractDate}`);
      notAfterToday(input.recoveredOn, '收回日期', now);
      const clock = parcelClock(factsOf(row, delays), input.recoveredOn, settings);
      const { version: _v, ...facts } = input;
      return {
        set: { recoveredOn: input.recoveredOn, recoveryDecisionNo: input.decisionNo },
        toState: 'recovered',
        effectiveDate: input.recoveredOn,
        summary: `依收回决定书 ${input.decisionNo} 收回（收回之日闲置状态：${clock.status === 'recovery' ? '已满收回年限' : clock.status === 'idle' ? '闲置' : '未认定闲置（协议收回）'}）`,
        audit: { action: 'parcels.recover', after: { ...facts, clockStatus: clock.status } },
      };
    },
    now,
  );
}

/** R3.6 全面公开: the drc or the bureau publishes a 批而未供 or vacated parcel (or withdraws it). */
export function publishParcel(db: Db, actor: Actor, id: number, input: z.infer<typeof publishParcelSchema>, now: Date) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'publish',
    'parcels.publish',
    (row) => {
      if (input.public && !isPublishable(row.state))
        throw unprocessable('ILLEGAL_TRANSITION', '只有批而未供、已收回或已腾空的地块可以向投资者公开');
      if (input.public && !(input.contact ?? row.contact))
        throw new AppError(400, 'BAD_REQUEST', '公开地块须填写招商联系方式 contact');
      return {
        set: { isPublic: input.public, ...(input.contact != null ? { contact: input.contact } : {}) },
        effectiveDate: today(now),
        summary: input.public ? `向投资者公开（联系方式：${input.contact ?? row.contact}）` : '撤回公开',
        audit: { action: 'parcels.publish', after: { public: input.public, contact: input.contact ?? row.contact } },
      };
    },
    now,
  );
}
