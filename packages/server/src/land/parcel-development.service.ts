import {
  daysBetween,
  periodEnd,
  DELAY_CAUSE_LABELS,
  SUPPLY_WAY_LABELS,
  type completeParcelSchema,
  type delayParcelSchema,
  type progressParcelSchema,
  type startParcelSchema,
  type SupplyParcelInput,
} from '@pgs/domain';
import type { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { type Actor } from '../platform/actor.ts';
import { AppError, unprocessable } from '../platform/errors.ts';
import { parcelDelays } from './land.table.ts';
import { assertKnownHolder } from './parcel-holder.ts';
import { changeParcel, dateProblem, notAfterToday } from './parcel-change.ts';

/** `POST /parcels/:id/supply` (供地): the contract, the land price and the agreed dates; the holder must be known. */
export function supplyParcel(db: Db, actor: Actor, id: number, input: SupplyParcelInput, now: Date) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'supply',
    'parcels.edit',
    async (row) => {
      if (input.contractDate < row.approvedOn)
        throw dateProblem(`合同日期 ${input.contractDate} 早于批准日期 ${row.approvedOn}`);
      if (row.recoveredOn && input.contractDate < row.recoveredOn)
        throw dateProblem(`合同日期 ${input.contractDate} 早于收回日期 ${row.recoveredOn}`);
      notAfterToday(input.contractDate, '合同日期', now);
      await assertKnownHolder(db, input.holderCreditCode, '用地单位');
      const { version: _v, ...facts } = input;
      return {
        set: {
          supplyWay: input.way,
          contractNo: input.contractNo,
          contractDate: input.contractDate,
          landPrice: input.landPrice,
          holderCreditCode: input.holderCreditCode ?? null,
          holderName: input.holderName,
          agreedStartOn: input.agreedStartOn,
          agreedCompletionOn: input.agreedCompletionOn,
          totalInvestment: input.totalInvestment ?? null,
          // A recovered parcel supplied again starts a new life (its earlier one stays in the timeline).
          startedOn: null,
          completedOn: null,
          developedArea: null,
          investedAmount: null,
          suspendedSince: null,
          recoveredOn: null,
          recoveryDecisionNo: null,
          isPublic: false,
        },
        toState: 'supplied',
        effectiveDate: input.contractDate,
        summary: `${SUPPLY_WAY_LABELS[input.way]}给 ${input.holderName}（合同 ${input.contractNo}，价款 ${input.landPrice} 万元），约定 ${input.agreedStartOn} 开工、${input.agreedCompletionOn} 竣工`,
        audit: { action: 'parcels.supply', after: facts },
      };
    },
    now,
  );
}

export function startParcel(db: Db, actor: Actor, id: number, input: z.infer<typeof startParcelSchema>, now: Date) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'start',
    'parcels.edit',
    (row) => {
      if (input.startedOn < row.contractDate!)
        throw dateProblem(`开工日期 ${input.startedOn} 早于合同日期 ${row.contractDate}`);
      notAfterToday(input.startedOn, '开工日期', now);
      return {
        set: { startedOn: input.startedOn },
        toState: 'started',
        effectiveDate: input.startedOn,
        summary: `${input.startedOn} 动工开发`,
        audit: { action: 'parcels.start', after: { startedOn: input.startedOn } },
      };
    },
    now,
  );
}

export function reportProgress(
  db: Db,
  actor: Actor,
  id: number,
  input: z.infer<typeof progressParcelSchema>,
  now: Date,
) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'progress',
    'parcels.edit',
    (row) => {
      if (input.reportedOn < row.startedOn!)
        throw dateProblem(`报告日期 ${input.reportedOn} 早于开工日期 ${row.startedOn}`);
      notAfterToday(input.reportedOn, '报告日期', now);
      if (input.suspendedSince && (input.suspendedSince < row.startedOn! || input.suspendedSince > input.reportedOn))
        throw dateProblem(`停工日期 ${input.suspendedSince} 应在开工日期 ${row.startedOn} 与报告日期之间`);
      if (input.developedArea != null && Number(input.developedArea) > Number(row.areaMu))
        throw new AppError(400, 'BAD_REQUEST', `已开发面积 ${input.developedArea} 亩大于地块面积 ${row.areaMu} 亩`);
      const { version: _v, ...facts } = input;
      const parts = [
        input.developedArea != null ? `已开发 ${input.developedArea} 亩` : null,
        input.investedAmount != null ? `已投资 ${input.investedAmount} 万元` : null,
        input.suspendedSince ? `自 ${input.suspendedSince} 停工` : '正常建设',
      ].filter(Boolean);
      return {
        set: {
          ...(input.developedArea !== undefined ? { developedArea: input.developedArea } : {}),
          ...(input.investedAmount !== undefined ? { investedAmount: input.investedAmount } : {}),
          suspendedSince: input.suspendedSince ?? null,
        },
        effectiveDate: input.reportedOn,
        summary: `建设进度：${parts.join('，')}`,
        audit: { action: 'parcels.progress', after: facts },
      };
    },
    now,
  );
}

export function completeParcel(
  db: Db,
  actor: Actor,
  id: number,
  input: z.infer<typeof completeParcelSchema>,
  now: Date,
) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'complete',
    'parcels.edit',
    (row) => {
      if (input.completedOn < row.startedOn!)
        throw dateProblem(`竣工日期 ${input.completedOn} 早于开工日期 ${row.startedOn}`);
      notAfterToday(input.completedOn, '竣工日期', now);
      const { version: _v, ...facts } = input;
      return {
        set: {
          completedOn: input.completedOn,
          builtArea: input.builtArea ?? null,
          ...(input.investedAmount != null ? { investedAmount: input.investedAmount } : {}),
          suspendedSince: null,
        },
        toState: 'completed',
        effectiveDate: input.completedOn,
        summary: `${input.completedOn} 竣工${input.builtArea ? `，建筑面积 ${input.builtArea} 平方米` : ''}`,
        audit: { action: 'parcels.complete', after: facts },
      };
    },
    now,
  );
}

/** D23: one extension per parcel, of at most the configured years; its days stop the clock. */
export function addDelay(db: Db, actor: Actor, id: number, input: z.infer<typeof delayParcelSchema>, now: Date) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'delay',
    'parcels.edit',
    (row, settings, delays) => {
      if (delays.some((d) => d.fromOn >= row.contractDate!))
        throw unprocessable('EXTENSION_USED', '该地块已登记过一次延期，每宗地块只能延期一次');
      if (input.fromOn < row.contractDate!)
        throw dateProblem(`延期起始日 ${input.fromOn} 早于合同日期 ${row.contractDate}`);
      const longest = daysBetween(input.fromOn, periodEnd(input.fromOn, settings.maxExtensionYears));
      const days = daysBetween(input.fromOn, input.toOn) + 1;
      if (days > longest)
        throw unprocessable(
          'BAD_PARCEL_DATE',
          `延期 ${days} 天，超过最长 ${settings.maxExtensionYears} 年（自 ${input.fromOn} 起最多 ${longest} 天）`,
        );
      const { version: _v, ...facts } = input;
      return {
        set: {},
        effectiveDate: input.fromOn,
        summary: `${DELAY_CAUSE_LABELS[input.cause]}延期 ${input.fromOn} 至 ${input.toOn}（${days} 天，不计入闲置期限）：${input.reason}`,
        audit: { action: 'parcels.delay', after: facts },
        extra: async (tx) => {
          await tx.insert(parcelDelays).values({
            parcelId: id,
            cause: input.cause,
            reason: input.reason,
            evidence: input.evidence ?? null,
            fromOn: input.fromOn,
            toOn: input.toOn,
            recordedAt: now,
            recordedBy: actor.username,
          });
        },
      };
    },
    now,
  );
}
