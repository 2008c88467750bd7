/**
 * How far a workbook import has got on the server once the upload is in (R3.1; DESIGN.md: long jobs report
 * progress): the sheet is checked as it inflates, so the share of its XML read so far is the measure; then the
 * rows are written (the COPY's end, the upsert) and the import is done, or failed with the reason. No zod here, so
 * the import page can load it without the contract.
 */

/** `waiting`: nothing reported under the key yet (the upload is still arriving, or the key is someone else's). */
export const IMPORT_PROGRESS_PHASES = ['waiting', 'checking', 'writing', 'done', 'failed'] as const;
export type ImportProgressPhase = (typeof IMPORT_PROGRESS_PHASES)[number];

export const IMPORT_PROGRESS_PHASE_LABELS: Record<ImportProgressPhase, string> = {
  waiting: '等待开始',
  checking: '正在逐行检查',
  writing: '正在写入数据库',
  done: '已完成',
  failed: '未完成',
};

/** `done` of `total` bytes of the sheet's XML read; `rows` data rows checked so far; `message` why it failed. */
export type ImportProgress = {
  phase: ImportProgressPhase;
  done: number;
  total: number;
  rows: number;
  message?: string;
};

/** The server's part as one percentage (0–100): checking fills 95 %, writing stands at 97 %. */
export function importProgressPercent(progress: ImportProgress): number {
  if (progress.phase === 'done') return 100;
  if (progress.phase === 'failed') return 0;
  if (progress.phase === 'writing') return 97;
  return progress.total > 0 ? Math.floor(95 * Math.min(1, progress.done / progress.total)) : 0;
}
