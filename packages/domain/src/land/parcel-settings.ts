import { z } from 'zod';

/**
 * R3.6 / DOMAIN-FACTS §2.1: the idle-land rules are settings of the eitc and the drc, defaulting to the national
 * 闲置土地处置办法. Every clock result carries the settings it was computed with, so a figure can be explained and
 * reproduced after a setting changes. Fractions travel as decimal strings (D2), compared exactly (D1).
 */
export type LandSettings = {
  /** 满一年未动工 → 闲置. */
  idleAfterYears: number;
  /** 满两年未动工 → 收回 proposed. */
  recoveryAfterYears: number;
  /** Idle fee as a fraction of the land price (0.2 = 20 %). */
  idleFeeRate: string;
  /** Started but developed area below this fraction of the parcel ("1/3" kept as a fraction string). */
  startedAreaShare: string;
  /** Started but invested amount below this fraction of the total investment. */
  startedInvestmentShare: string;
  /** Suspended this many full years → 闲置. */
  suspendedYears: number;
  /** An extension (延期) may last at most this many years (D23). */
  maxExtensionYears: number;
  /** Due list: thresholds within this many days. */
  dueWithinDays: number;
  /** Parcel–project matching: area within ± this fraction. */
  matchAreaTolerance: string;
  /** R2.1: intensity must stay above this (万元/亩). */
  intensityThreshold: string;
  /** A GeoJSON boundary's computed area may differ from the declared one by at most this fraction. */
  boundaryTolerance: string;
};

export const DEFAULT_LAND_SETTINGS: LandSettings = {
  idleAfterYears: 1,
  recoveryAfterYears: 2,
  idleFeeRate: '0.2',
  startedAreaShare: '1/3',
  startedInvestmentShare: '0.25',
  suspendedYears: 1,
  maxExtensionYears: 1,
  dueWithinDays: 30,
  matchAreaTolerance: '0.2',
  intensityThreshold: '350',
  boundaryTolerance: '0.05',
};

const fraction = (label: string) =>
  z
    .string({ error: `${label}必须是小数或分数，如 0.25 或 1/3` })
    .trim()
    .regex(/^(0(\.\d{1,6})?|1(\.0{1,6})?|\d{1,3}\/\d{1,3})$/, {
      error: `${label}必须是 0 到 1 之间的小数或分数，如 0.25 或 1/3`,
    });
const years = (label: string) =>
  z
    .number({ error: `${label}必须是整年数` })
    .int({ error: `${label}必须是整年数` })
    .min(1, { error: `${label}至少 1 年` })
    .max(10, { error: `${label}不能超过 10 年` });

export const landSettingsInputSchema = z
  .object({
    idleAfterYears: years('闲置认定年限'),
    recoveryAfterYears: years('收回年限'),
    idleFeeRate: fraction('闲置费比例'),
    startedAreaShare: fraction('已开发面积比例'),
    startedInvestmentShare: fraction('已投资比例'),
    suspendedYears: years('停工年限'),
    maxExtensionYears: years('延期最长年限'),
    dueWithinDays: z
      .number({ error: '提醒天数必须是整天数' })
      .int({ error: '提醒天数必须是整天数' })
      .min(1, { error: '提醒天数至少 1 天' })
      .max(365, { error: '提醒天数不能超过 365 天' }),
    matchAreaTolerance: fraction('面积容差'),
    intensityThreshold: z
      .string({ error: '投资强度门槛必须是数字' })
      .regex(/^\d{1,6}(\.\d{1,4})?$/, { error: '投资强度门槛必须是数字' }),
    boundaryTolerance: fraction('边界面积容差'),
    version: z.number({ error: '请提供设置版本号 version' }).int().positive(),
  })
  .refine((s) => s.recoveryAfterYears > s.idleAfterYears, {
    error: '收回年限必须长于闲置认定年限',
    path: ['recoveryAfterYears'],
  });

export const landSettingsSchema = z.object({
  idleAfterYears: z.number(),
  recoveryAfterYears: z.number(),
  idleFeeRate: z.string(),
  startedAreaShare: z.string(),
  startedInvestmentShare: z.string(),
  suspendedYears: z.number(),
  maxExtensionYears: z.number(),
  dueWithinDays: z.number(),
  matchAreaTolerance: z.string(),
  intensityThreshold: z.string(),
  boundaryTolerance: z.string(),
  version: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type LandSettingsView = z.infer<typeof landSettingsSchema>;
/** What `GET|PUT /land-settings` answer: the settings and who last changed them, by display name. */
export const landSettingsAnswerSchema = landSettingsSchema.extend({ updatedByName: z.string().nullable() });
export type LandSettingsAnswer = z.infer<typeof landSettingsAnswerSchema>;
