import { z } from 'zod';
import { wellFormedText } from '../platform/request-text.ts';
import { INDUSTRY_LEVELS } from './industry-code.ts';

export const industryCodeSchema = z
  .string({ error: '行业代码必须是文本' })
  .trim()
  .regex(/^(?:[A-T]|\d{2,4})$/, { error: '行业代码格式不正确：应为门类字母 A–T，或 2 位大类、3 位中类、4 位小类数字' });

export const industrySchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(INDUSTRY_LEVELS),
  parent: z.string().nullable(),
});
export type Industry = z.infer<typeof industrySchema>;

export const industryListQuerySchema = z.object({
  q: wellFormedText('搜索词').trim().max(100, { error: '搜索词不能超过 100 个字符' }).optional(),
  parent: z.string().trim().max(4).optional(),
  level: z.enum(INDUSTRY_LEVELS).optional(),
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1).default(1),
  pageSize: z.coerce
    .number({ error: '每页条数必须是数字' })
    .int()
    .min(1)
    .max(500, { error: '每页最多 500 条' })
    .default(50),
});

export const industryDetailSchema = industrySchema.extend({ lineage: z.array(industrySchema) });

export const industryImportResultSchema = z.object({
  imported: z.number(),
  byLevel: z.record(z.string(), z.number()),
});
