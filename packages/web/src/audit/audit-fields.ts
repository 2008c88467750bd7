import {
  BASIS_LABELS,
  CATALOG_VERSION_STATE_LABELS,
  CATEGORY_LABELS,
  PLATFORMS,
  PROJECT_STATUS_LABELS,
  ROLE_LABELS,
  type CatalogBasis,
  type Role,
} from '@pgs/domain';
import { formatNumber, formatShare, MISSING } from '@pgs/domain/platform/format';
import { formatDateTime } from '../shared/format.ts';

/**
 * The audit trail's before/after as people read them (issue 9: a table of Chinese field names and values, not
 * JSON). The records keep the API's field names; these are their names on the forms. A field not named here
 * (a later module's) is still shown, under its own name, so nothing recorded is hidden from the auditor.
 */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  id: '编号',
  name: '名称',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  platformKey: '平台',
  disabled: '已停用',
  lockedUntil: '锁定至',
  unlocked: '已解锁',
  failedLogins: '连续登录失败次数',
  createdAt: '创建时间',
  createdBy: '创建人',
  updatedAt: '修改时间',
  updatedBy: '修改人',
  publishedAt: '发布时间',
  publishedBy: '发布人',
  revision: '修订号',
  version: '版本',
  versionId: '目录版本编号',
  status: '状态',
  effectiveDate: '生效日期',
  basedOn: '基于版本编号',
  items: '条目数',
  category: '类别',
  industryCode: '行业代码',
  keywords: '关键词',
  basis: '列入依据',
  note: '备注',
  count: '条数',
  byLevel: '按层级条数',
  investorName: '投资方',
  investorCreditCode: '投资方统一社会信用代码',
  totalInvestment: '总投资（万元）',
  fixedAssetInvestment: '固定资产投资（万元）',
  landArea: '用地面积（亩）',
  landAreaM2: '用地面积（平方米）',
  expectedAnnualTax: '预计年税收（万元）',
  expectedAnnualOutput: '预计年产值（万元）',
  description: '项目简介',
  duplicateOf: '重复报送的首报项目编号',
  reportedAt: '登记时间',
  reportedBy: '登记人',
  reportedPlatformKey: '首报平台',
  fromStatus: '原阶段',
  toStatus: '新阶段',
  to: '转入阶段',
  reason: '原因',
  effectiveOn: '发生日期',
  fromPlatformKey: '流出平台',
  toPlatformKey: '流入平台',
  firstPlaceShare: '首谈地分成',
  hostShare: '落户地分成',
  scores: '评分',
  opinion: '评审意见',
  reviewer: '评审人',
  reviewedOn: '评审日期',
  passes: '是否通过',
  total: '总分',
  negotiationWindowDays: '洽谈期限（天）',
  evaluationSheet: '准入评估评分表',
  year: '年度',
  rows: '行数',
  inserted: '新增',
  updated: '更新',
  unchanged: '未变',
  methodVersion: '评价办法版本',
  methodName: '评价办法',
  enterprises: '企业数',
  counts: '各等级企业数',
  rectification: '整治名单企业数',
  cityDShare: '全市 D 类占比',
  dShare: 'D 类占比',
  ruleHolds: '符合 D 类占比规则',
  evaluated: '参评企业数',
  platforms: '各平台',
  superseded: '被替代的评价',
  creditCodes: '统一社会信用代码',
  source: '来源',
  fileName: '文件名',
  content: '内容',
};

const PLATFORM_NAMES = new Map<string, string>(PLATFORMS.map((platform) => [platform.key, platform.name]));
const STATUS_LABELS: Record<string, string> = {
  ...PROJECT_STATUS_LABELS,
  ...CATALOG_VERSION_STATE_LABELS,
  draft: '草稿',
  published: '已发布',
  superseded: '已被替代',
};
const SHARE_FIELDS = new Set(['firstPlaceShare', 'hostShare', 'cityDShare', 'dShare']);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function fieldLabel(path: string): string {
  return path
    .split('.')
    .map((key) => AUDIT_FIELD_LABELS[key] ?? PLATFORM_NAMES.get(key) ?? key)
    .join(' · ');
}

/** One value as people read it: names instead of keys, 是/否, Beijing time, percentages for shares. */
export function fieldValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return MISSING;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value))
    return value.length === 0 ? '（无）' : value.map((each) => fieldValue(key, each)).join('、');
  if (typeof value === 'number')
    return SHARE_FIELDS.has(key) ? formatShare(value) : formatNumber(value, { decimals: 4 });
  if (typeof value !== 'string') {
    return Object.entries(value as Record<string, unknown>)
      .map(([inner, each]) => `${fieldLabel(inner)}：${fieldValue(inner, each)}`)
      .join('；');
  }
  if (key === 'role' && value in ROLE_LABELS) return ROLE_LABELS[value as Role];
  // Who did it, as recorded: the start-up seeding reads 系统 (the row above names the person of the event itself).
  if (/By$/.test(key) && value === 'system') return '系统';
  if (/platformKey$|PlatformKey$/.test(key)) return PLATFORM_NAMES.get(value) ?? value;
  if (key === 'category' && value in CATEGORY_LABELS) return CATEGORY_LABELS[value as keyof typeof CATEGORY_LABELS];
  if (key === 'basis' && value in BASIS_LABELS) return BASIS_LABELS[value as CatalogBasis];
  if ((key === 'status' || key === 'fromStatus' || key === 'toStatus' || key === 'to') && value in STATUS_LABELS)
    return STATUS_LABELS[value]!;
  if (SHARE_FIELDS.has(key) && /^-?\d+(\.\d+)?$/.test(value)) return formatShare(value);
  if (DATE_TIME.test(value)) return formatDateTime(value);
  return value;
}

/** Nested records become one row per leaf ("各等级企业数 · A"), at most a few levels deep. */
export function flatten(value: unknown, prefix = '', depth = 0): Map<string, unknown> {
  const rows = new Map<string, unknown>();
  if (value === null || value === undefined) return rows;
  if (typeof value !== 'object' || Array.isArray(value) || depth >= 3) {
    rows.set(prefix || 'content', value);
    return rows;
  }
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const isLeafArray = Array.isArray(inner) && inner.every((each) => each === null || typeof each !== 'object');
    if (inner !== null && typeof inner === 'object' && !isLeafArray) {
      if (Array.isArray(inner))
        inner.forEach((each, i) => {
          flatten(each, `${path}.${i + 1}`, depth + 1).forEach((v, k) => rows.set(k, v));
        });
      else flatten(inner, path, depth + 1).forEach((v, k) => rows.set(k, v));
    } else rows.set(path, inner);
  }
  return rows;
}
