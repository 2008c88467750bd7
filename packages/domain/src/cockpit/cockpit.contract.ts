import { z } from 'zod';
import { PLATFORM_KEYS } from '../platform/platforms.ts';
import { calendarDaySchema } from '../platform/common.contract.ts';
import { PROJECT_STATUSES } from '../projects/pipeline.ts';

/** The leadership cockpit's contract (issue #14, 驾驶舱): `GET /api/v1/cockpit` and its Excel export. */

export const cockpitQuerySchema = z.object({
  year: z.coerce
    .number({ error: '年度必须是数字' })
    .int({ error: '年度必须是整数' })
    .min(2000, { error: '年度应在 2000–2100 之间' })
    .max(2100, { error: '年度应在 2000–2100 之间' })
    .optional(),
  /** The day the figures are counted to; default today (or 31 Dec of a past year). */
  asOf: calendarDaySchema.optional(),
});
export type CockpitQuery = z.infer<typeof cockpitQuerySchema>;

const decimalText = z.string();

export const pipelineStageSchema = z.object({
  status: z.enum(PROJECT_STATUSES),
  label: z.string(),
  count: z.number(),
  /** Sum of the projects' total investment, 万元, exact decimal text. */
  investment: decimalText,
});

export const landedProjectSchema = z.object({
  id: z.number(),
  name: z.string(),
  platformKey: z.string(),
  totalInvestment: decimalText,
  landedOn: z.string(),
});

export const cockpitFiguresSchema = z.object({
  pipeline: z.object({
    stages: z.array(pipelineStageSchema),
    /** Projects still moving through the pipeline (not landed, lost or rejected). */
    openCount: z.number(),
    openInvestment: decimalText,
  }),
  landed: z.object({
    /** R2.6 credit counted for the year up to the day (circulated projects by their share). */
    credit: decimalText,
    /** The yearly task of the year's rubric; null when none is set. */
    task: decimalText.nullable(),
    /** credit ÷ task, null without a task. */
    taskShare: decimalText.nullable(),
    behind: z.boolean(),
    behindReason: z.string(),
    landedCount: z.number(),
    /** Landed in the year with total investment ≥ 20亿元 (200 000 万元 counts, R4.3). */
    large: z.array(landedProjectSchema),
  }),
  abcd: z
    .object({
      runId: z.number(),
      year: z.number(),
      counts: z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number(), T: z.number() }),
      /** Shares of A–D among the evaluated (T left out), fractions. */
      dShare: z.number().nullable(),
      targetDShare: z.number().nullable(),
      ruleHolds: z.boolean().nullable(),
      reason: z.string(),
    })
    .nullable(),
  land: z.object({
    approvedNotSupplied: z.object({ count: z.number(), area: decimalText }),
    suppliedNotUsed: z.object({ count: z.number(), area: decimalText }),
    vacated: z.object({ count: z.number(), area: decimalText }),
    /** Handled in the year up to the day: supplied, started, vacated land reused, recovered. */
    supplied: z.number(),
    started: z.number(),
    reused: z.number(),
    recovered: z.number(),
  }),
  renewal: z.object({ open: z.number(), overdue: z.number(), closed: z.number(), closedOnTime: z.number() }),
  targets: z.object({ targets: z.number(), contacted: z.number(), reported: z.number(), landed: z.number() }),
  trips: z.object({ months: z.number(), monthsOk: z.number(), monthsMissing: z.number() }),
  assessment: z
    .object({
      id: z.number(),
      year: z.number(),
      rank: z.number().nullable(),
      score: z.number().nullable(),
      warnings: z.array(z.object({ platformKey: z.string(), label: z.string(), reason: z.string() })),
    })
    .nullable(),
  keyTasks: z.object({ parts: z.number(), done: z.number(), overdue: z.number() }),
});
export type CockpitFigures = z.infer<typeof cockpitFiguresSchema>;

export const cockpitViewSchema = z.object({
  year: z.number(),
  asOf: z.string(),
  /** null for a city-wide reader; the platform of a platform user (who sees only its own column). */
  scope: z.enum(PLATFORM_KEYS).nullable(),
  platforms: z.array(
    z.object({ platformKey: z.enum(PLATFORM_KEYS), platformName: z.string(), figures: cockpitFiguresSchema }),
  ),
  /**
   * For a past day, what is still counted from today's rows because the owners keep no history of it (shown beside
   * the figures); empty for today.
   */
  asOfNotes: z.array(z.string()),
  /** All three platforms together; null for a platform user. */
  city: cockpitFiguresSchema.nullable(),
});
export type CockpitView = z.infer<typeof cockpitViewSchema>;
export type CockpitPlatformView = CockpitView['platforms'][number];
