/**
 * How far an evaluation run has got (DESIGN.md: long jobs report progress; the UI shows it). A run reads the year's
 * records, scores and classes them (R3.2–R3.4), then writes its results and rectification list; the page polls the
 * server for this while it waits. No zod here, so the page can load it without the contract.
 */

/** `waiting`: the key is known to the page but the server has not reported under it yet (asked before the run began). */
export const RUN_PROGRESS_PHASES = ['waiting', 'reading', 'scoring', 'writing', 'done', 'failed'] as const;
export type RunProgressPhase = (typeof RUN_PROGRESS_PHASES)[number];

export const RUN_PROGRESS_PHASE_LABELS: Record<RunProgressPhase, string> = {
  waiting: '等待开始',
  reading: '读取企业数据',
  scoring: '计算指标、组内排名和分档，核对各平台 D 类占比',
  writing: '保存评价结果和整治名单',
  done: '评价完成',
  failed: '评价未完成',
};

/** `done` of `total` items of the phase (records read, results written); `message` says why a run failed. */
export type RunProgress = { phase: RunProgressPhase; done: number; total: number; message?: string };

/** Each phase's share of the whole bar, measured on 100 000 enterprises: reading ≈ 25 %, scoring ≈ 30 %, writing ≈ 45 %. */
const SPANS: Record<Exclude<RunProgressPhase, 'done' | 'failed'>, [from: number, to: number]> = {
  waiting: [0, 0],
  reading: [0, 25],
  scoring: [25, 55],
  writing: [55, 99],
};

/** The whole run's percentage (0–100, whole numbers) for one progress report. */
export function runProgressPercent(progress: RunProgress): number {
  if (progress.phase === 'done') return 100;
  if (progress.phase === 'failed') return 0;
  const [from, to] = SPANS[progress.phase];
  const part = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  return Math.floor(from + (to - from) * part);
}

/** A progress key the page makes for one run: 32 hex digits from the browser's random source. */
export const PROGRESS_KEY_PATTERN = /^[0-9a-f]{32}$/;
