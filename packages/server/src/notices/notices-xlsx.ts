import type { PassThrough } from 'node:stream';
import type { ObjectionView } from '@pgs/domain';
import { streamWorkbook } from '../platform/xlsx-stream.ts';
import { excelTime, type SheetColumn } from '../platform/xlsx-format.ts';

/** A notice's objections and answers, as the eitc files them with the notice (R3.2 公示). */
export function objectionsWorkbook(notice: { title: string; objectionList: ObjectionView[] }): PassThrough {
  async function* rows() {
    yield* notice.objectionList;
  }
  return streamWorkbook('异议及答复', COLUMNS, rows(), (o) => ({
    ...o,
    submittedAt: excelTime(o.submittedAt),
    answer: o.answer ?? '（待答复）',
    answeredAt: excelTime(o.answeredAt),
    answeredByName: o.answeredByName ?? '',
  }));
}

const COLUMNS: SheetColumn[] = [
  { header: '受理编号', key: 'reference' },
  { header: '统一社会信用代码', key: 'creditCode', width: 20 },
  { header: '联系人及电话', key: 'contact', width: 20 },
  { header: '异议理由', key: 'reason', width: 40 },
  { header: '提交时间（北京时间）', key: 'submittedAt', kind: 'time' },
  { header: '答复', key: 'answer', width: 40 },
  { header: '答复时间（北京时间）', key: 'answeredAt', kind: 'time' },
  { header: '答复人', key: 'answeredByName' },
];
