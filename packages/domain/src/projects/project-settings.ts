import { z } from 'zod';
import { wellFormedText } from '../platform/request-text.ts';
import { DEFAULT_NEGOTIATION_WINDOW_DAYS } from './pipeline.ts';
import { DEFAULT_UNDO_WINDOW_DAYS } from './stage-undo.ts';
import {
  DEFAULT_EVALUATION_SHEET,
  EVALUATION_DIMENSIONS,
  DIMENSION_LABELS,
  type EvaluationSheet,
} from './access-evaluation-sheet.ts';

/**
 * The bureau's settings of the investment pipeline (issue #3: "default 180 days, configurable"; "default: the
 * 100-point template, configurable"). A change applies from then on: an evaluation keeps the sheet it was scored on.
 */
export type ProjectSettings = {
  negotiationWindowDays: number;
  undoWindowDays: number;
  evaluationSheet: EvaluationSheet;
};

export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = {
  negotiationWindowDays: DEFAULT_NEGOTIATION_WINDOW_DAYS,
  undoWindowDays: DEFAULT_UNDO_WINDOW_DAYS,
  evaluationSheet: DEFAULT_EVALUATION_SHEET,
};

const sheetItemSchema = z.object({
  code: z
    .string({ error: '评分项代码必须是文字' })
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,49}$/, { error: '评分项代码只能用小写字母、数字和下划线，以字母开头' }),
  dimension: z.enum(EVALUATION_DIMENSIONS, { error: '评分项所属维度不存在' }),
  label: wellFormedText('评分项名称')
    .trim()
    .min(1, { error: '评分项名称不能为空' })
    .max(50, { error: '评分项名称不能超过 50 个字' }),
  maxScore: z
    .number({ error: '满分必须是数字' })
    .positive({ error: '满分必须大于 0' })
    .max(100, { error: '单项满分不能超过 100' }),
  guidance: wellFormedText('评分说明').trim().max(500, { error: '评分说明不能超过 500 个字' }).default(''),
});

export const evaluationSheetSchema = z.object({
  name: wellFormedText('评分表名称')
    .trim()
    .min(1, { error: '评分表名称不能为空' })
    .max(100, { error: '评分表名称不能超过 100 个字' }),
  passMark: z.number({ error: '合格线必须是数字' }).positive({ error: '合格线必须大于 0' }),
  items: z
    .array(sheetItemSchema, { error: '请提供评分项 items' })
    .min(1, { error: '评分表至少要有一项' })
    .max(60, { error: '评分项不能超过 60 项' }),
});

export const projectSettingsInputSchema = z.object({
  negotiationWindowDays: z
    .number({ error: '洽谈期限必须是天数' })
    .int({ error: '洽谈期限必须是整天数' })
    .min(1, { error: '洽谈期限至少 1 天' })
    .max(3650, { error: '洽谈期限不能超过 3650 天' }),
  /** Days within which a stage move may be undone by the role that made it; absent keeps the current value. */
  undoWindowDays: z
    .number({ error: '撤销期限必须是天数' })
    .int({ error: '撤销期限必须是整天数' })
    .min(0, { error: '撤销期限不能为负数' })
    .max(365, { error: '撤销期限不能超过 365 天' })
    .optional(),
  evaluationSheet: evaluationSheetSchema,
  /** The settings' version the user saw; a stale one is refused with 409. */
  version: z.number({ error: '请提供设置版本号 version' }).int().positive(),
});

export const projectSettingsSchema = z.object({
  negotiationWindowDays: z.number(),
  undoWindowDays: z.number(),
  evaluationSheet: evaluationSheetSchema,
  version: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** The display name of who saved last (people are shown by their names, not their log-in names). */
  updatedByName: z.string().nullable().optional(),
});
export type ProjectSettingsView = z.infer<typeof projectSettingsSchema>;

/**
 * What makes a sheet unusable beyond its shape: R2.2 names five dimensions, so each needs at least one item;
 * item codes are the keys of the filled scores, so they must be unique; a pass mark above the full marks could
 * never be reached. Scores are kept in tenths (scoreSheet), so a maximum finer than 0.1 is refused.
 */
export function sheetDefinitionProblems(sheet: EvaluationSheet): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const item of sheet.items) {
    if (seen.has(item.code)) problems.push(`评分项代码“${item.code}”重复`);
    seen.add(item.code);
    if (Math.round(item.maxScore * 10) !== item.maxScore * 10) problems.push(`“${item.label}”的满分最多保留 1 位小数`);
  }
  for (const dimension of EVALUATION_DIMENSIONS) {
    if (!sheet.items.some((item) => item.dimension === dimension))
      problems.push(`评分表缺少“${DIMENSION_LABELS[dimension]}”维度的评分项（五个维度都要评）`);
  }
  const fullMarks = sheet.items.reduce((sum, item) => sum + Math.round(item.maxScore * 10), 0) / 10;
  if (sheet.passMark > fullMarks) problems.push(`合格线 ${sheet.passMark} 分高于评分表满分 ${fullMarks} 分，无法达到`);
  return problems;
}
