import { z } from 'zod';
import { wellFormedText } from '../platform/request-text.ts';
import { idSchema } from '../platform/ids.ts';
import { PLATFORM_KEYS } from '../platform/platforms.ts';
import { industryCodeSchema } from '../industries/industries.contract.ts';
import { calendarDaySchema } from '../platform/common.contract.ts';
import { CATALOG_BASES, CATALOG_CATEGORIES, CLASSIFY_CATEGORIES } from './catalog-types.ts';

export const platformKeySchema = z.enum(PLATFORM_KEYS, { error: '平台不存在：应为 oujiangkou、zhenan 或 hitech' });
export const platformParamsSchema = z.object({ platformKey: platformKeySchema });
export const versionIdParamsSchema = z.object({ versionId: idSchema('目录版本编号') });
export const itemParamsSchema = versionIdParamsSchema.extend({
  itemId: idSchema('条目编号'),
});

const dateSchema = calendarDaySchema;

export const catalogItemInputSchema = z.object({
  category: z.enum(CATALOG_CATEGORIES, {
    error: '类别应为 encouraged（鼓励类）、restricted（限制类）或 eliminated（淘汰类）',
  }),
  industryCode: industryCodeSchema,
  keywords: z
    .array(
      wellFormedText('关键词')
        .trim()
        .min(1, { error: '关键词不能为空' })
        .max(50, { error: '关键词不能超过 50 个字符' }),
    )
    .max(20, { error: '关键词最多 20 个' })
    .default([]),
  basis: z.enum(CATALOG_BASES, { error: '列入依据不正确' }),
  note: wellFormedText('备注').trim().max(1000, { error: '备注不能超过 1000 个字符' }).default(''),
});
export type CatalogItemInput = z.infer<typeof catalogItemInputSchema>;

export const catalogItemUpdateSchema = catalogItemInputSchema.extend({
  /** The item revision the editor saw: a stale one gets 409. */
  revision: z.number({ error: '缺少条目版本号 revision' }).int().positive(),
});

export const catalogItemSchema = z.object({
  id: z.number(),
  category: z.enum(CATALOG_CATEGORIES),
  industryCode: z.string(),
  industryName: z.string().nullable(),
  keywords: z.array(z.string()),
  basis: z.enum(CATALOG_BASES),
  note: z.string(),
  revision: z.number(),
});
export type CatalogItemView = z.infer<typeof catalogItemSchema>;

export const CATALOG_VERSION_STATES = ['draft', 'scheduled', 'in_force', 'superseded'] as const;
export const CATALOG_VERSION_STATE_LABELS: Record<(typeof CATALOG_VERSION_STATES)[number], string> = {
  draft: '草稿',
  scheduled: '已发布（待生效）',
  in_force: '现行有效',
  superseded: '已被替代',
};

export const catalogVersionSummarySchema = z.object({
  id: z.number(),
  platformKey: platformKeySchema,
  version: z.string(),
  state: z.enum(CATALOG_VERSION_STATES),
  effectiveDate: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  /** Display names (issue 9: people are shown by name; the start-up seeding reads 系统). */
  publishedByName: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  createdByName: z.string(),
  itemCount: z.number(),
  revision: z.number(),
});
export type CatalogVersionSummaryView = z.infer<typeof catalogVersionSummarySchema>;

export const catalogSchema = catalogVersionSummarySchema.extend({
  platformName: z.string(),
  items: z.array(catalogItemSchema),
});
export type CatalogView = z.infer<typeof catalogSchema>;

export const createDraftSchema = z.object({
  version: wellFormedText('版本名称')
    .trim()
    .min(1, { error: '请填写版本名称，如“2025年本”' })
    .max(50, { error: '版本名称不能超过 50 个字符' }),
  /** Copy the items of this version; default: the version in force. */
  basedOnVersionId: z.number().int().positive().optional(),
});

export const publishSchema = z.object({
  effectiveDate: dateSchema,
  /** The draft revision the publisher reviewed: a draft edited since gets 409. */
  revision: z.number({ error: '缺少目录版本号 revision' }).int().positive(),
});

export const classifyQuerySchema = z.object({
  industryCode: industryCodeSchema,
  text: wellFormedText('描述').max(2000, { error: '描述不能超过 2000 个字符' }).optional(),
  date: dateSchema.optional(),
});

export const classifyResultSchema = z.object({
  platformKey: platformKeySchema,
  industryCode: z.string(),
  industryName: z.string(),
  category: z.enum(CLASSIFY_CATEGORIES),
  itemId: z.number().nullable(),
  item: catalogItemSchema.nullable(),
  matchedKeyword: z.string().nullable(),
  catalogVersion: z.string(),
  catalogVersionId: z.number(),
  explanation: z.string(),
});
export type ClassifyResultView = z.infer<typeof classifyResultSchema>;

const diffItemSchema = catalogItemSchema;
export const catalogDiffSchema = z.object({
  baseVersion: catalogVersionSummarySchema.nullable(),
  /** The draft revision this comparison was made from: publishing names it, so what was reviewed is what goes out. */
  draftRevision: z.number(),
  added: z.array(diffItemSchema),
  removed: z.array(diffItemSchema),
  changed: z.array(z.object({ before: diffItemSchema, after: diffItemSchema, fields: z.array(z.string()) })),
  unchanged: z.number(),
  problems: z.array(z.object({ itemIndex: z.number().nullable(), industryCode: z.string(), message: z.string() })),
});
export type CatalogDiffView = z.infer<typeof catalogDiffSchema>;

export const importReportSchema = z.object({
  imported: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
});

export const catalogOverviewSchema = z.array(
  z.object({
    platformKey: platformKeySchema,
    platformName: z.string(),
    inForce: catalogVersionSummarySchema.nullable(),
    drafts: z.number().optional().describe('草稿数，只对可编辑目录的角色（发改委）给出'),
  }),
);
export type CatalogOverview = z.infer<typeof catalogOverviewSchema>;
export type ImportReport = z.infer<typeof importReportSchema>;
