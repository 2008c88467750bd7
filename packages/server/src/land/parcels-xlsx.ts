import type { PassThrough } from 'node:stream';
import { streamWorkbook } from '../platform/xlsx-stream.ts';
import { excelDay, excelNumber, type SheetColumn } from '../platform/xlsx-format.ts';
import {
  DUE_KIND_LABELS,
  PARCEL_STATE_LABELS,
  platformName,
  REUSE_WAY_LABELS,
  SUPPLY_WAY_LABELS,
  VACATE_REASON_LABELS,
  type DueKind,
  type ParcelState,
  type ParcelView,
  type PlatformKey,
} from '@pgs/domain';

const CLOCK_LABELS = { normal: '正常', idle: '闲置', recovery: '可收回' } as const;

/** The parcel ledger (or one land sub-database) as the platforms keep it in Excel, with the clock as of the day asked. */
export function streamParcelWorkbook(sheetName: string, rows: AsyncIterable<ParcelView>): PassThrough {
  return streamWorkbook(sheetName, PARCEL_COLUMNS, rows, (p) => ({
    code: p.code,
    platform: platformName(p.platformKey as PlatformKey),
    state: PARCEL_STATE_LABELS[p.state],
    area: excelNumber(p.area),
    plannedUse: p.plannedUse,
    industryCode: p.industryCode ?? '',
    district: p.district ?? '',
    address: p.address ?? '',
    approvedOn: excelDay(p.approvedOn),
    approvalDocument: p.approvalDocument,
    responsiblePerson: p.responsiblePerson,
    deadline: excelDay(p.deadline),
    supplyWay: p.supplyWay ? SUPPLY_WAY_LABELS[p.supplyWay] : '',
    contractNo: p.contractNo ?? '',
    contractDate: excelDay(p.contractDate),
    landPrice: excelNumber(p.landPrice),
    holderName: p.holderName ?? '',
    holderCreditCode: p.holderCreditCode ?? '',
    agreedStartOn: excelDay(p.agreedStartOn),
    agreedCompletionOn: excelDay(p.agreedCompletionOn),
    startedOn: excelDay(p.startedOn),
    completedOn: excelDay(p.completedOn),
    vacatedOn: excelDay(p.vacatedOn),
    vacated: p.vacatedFrom ? `${p.vacatedFrom}（${p.vacateReason ? VACATE_REASON_LABELS[p.vacateReason] : ''}）` : '',
    reuse: p.reuseWay ? REUSE_WAY_LABELS[p.reuseWay] : '',
    clockAsOf: excelDay(p.clock.asOf),
    clockStatus: CLOCK_LABELS[p.clock.status],
    idleFrom: excelDay(p.clock.idleFrom),
    idleFee: excelNumber(p.clock.idleFee),
    slow: p.clock.slowConstruction ? '是' : '',
    isPublic: p.isPublic ? '已公开' : '',
  }));
}

const PARCEL_COLUMNS: SheetColumn[] = [
  { header: '地块编号', key: 'code', width: 16 },
  { header: '所属平台', key: 'platform' },
  { header: '状态', key: 'state' },
  { header: '面积（亩）', key: 'area', kind: 'decimal' },
  { header: '规划用途', key: 'plannedUse' },
  { header: '行业代码', key: 'industryCode' },
  { header: '所在区县', key: 'district' },
  { header: '地址', key: 'address', width: 24 },
  { header: '批准日期', key: 'approvedOn', kind: 'day' },
  { header: '批准文号', key: 'approvalDocument', width: 20 },
  { header: '责任人', key: 'responsiblePerson' },
  { header: '供地期限', key: 'deadline', kind: 'day' },
  { header: '供地方式', key: 'supplyWay' },
  { header: '合同编号', key: 'contractNo' },
  { header: '合同日期', key: 'contractDate', kind: 'day' },
  { header: '土地价款（万元）', key: 'landPrice', kind: 'money' },
  { header: '用地单位', key: 'holderName', width: 20 },
  { header: '统一社会信用代码', key: 'holderCreditCode', width: 20 },
  { header: '约定开工日期', key: 'agreedStartOn', kind: 'day' },
  { header: '约定竣工日期', key: 'agreedCompletionOn', kind: 'day' },
  { header: '开工日期', key: 'startedOn', kind: 'day' },
  { header: '竣工日期', key: 'completedOn', kind: 'day' },
  { header: '腾空日期', key: 'vacatedOn', kind: 'day' },
  { header: '腾空来源（原因）', key: 'vacated', width: 20 },
  { header: '再利用方式', key: 'reuse' },
  { header: '闲置状态计算日', key: 'clockAsOf', kind: 'day' },
  { header: '闲置状态', key: 'clockStatus' },
  { header: '认定闲置日', key: 'idleFrom', kind: 'day' },
  { header: '土地闲置费（万元）', key: 'idleFee', kind: 'money' },
  { header: '建设缓慢', key: 'slow' },
  { header: '公开', key: 'isPublic' },
];

type DueItem = {
  code: string;
  platformKey: string;
  state: ParcelState;
  responsiblePerson: string;
  kind: DueKind;
  dueOn: string;
  daysLeft: number;
};

export function streamDueWorkbook(rows: Iterable<DueItem>): PassThrough {
  return streamWorkbook('地块到期提醒', DUE_COLUMNS, rows, (d) => ({
    code: d.code,
    platform: platformName(d.platformKey as PlatformKey),
    state: PARCEL_STATE_LABELS[d.state],
    kind: DUE_KIND_LABELS[d.kind],
    dueOn: excelDay(d.dueOn),
    daysLeft: d.daysLeft,
    responsiblePerson: d.responsiblePerson,
  }));
}

const DUE_COLUMNS: SheetColumn[] = [
  { header: '地块编号', key: 'code', width: 16 },
  { header: '所属平台', key: 'platform' },
  { header: '状态', key: 'state' },
  { header: '提醒事项', key: 'kind' },
  { header: '到期日', key: 'dueOn', kind: 'day' },
  { header: '剩余天数（负数为已过）', key: 'daysLeft', kind: 'integer' },
  { header: '责任人', key: 'responsiblePerson' },
];
