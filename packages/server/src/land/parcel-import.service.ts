import { loadExcelJS } from '../platform/lazy-libraries.ts';
import { inArray } from 'drizzle-orm';
import { createParcelSchema, parcelAreaInMu, PLATFORMS, shanghaiDay, type CreateParcelInput } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { badRequest, unprocessable } from '../platform/errors.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { openWorkbook, WorkbookFormatError, ZipDamagedError, type SheetCell } from '../platform/xlsx-reader.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { parcelEvents, parcels } from './land.table.ts';
import { refreshDeadlines } from './parcels.repository.ts';
import { currentLandSettings, settingsValues } from './land-settings.service.ts';
import { forgetPublicParcels } from './parcel-public.service.ts';

const SHEET = '地块';
/** The template's columns: header → field of POST /parcels (the same rules as registering one by hand). */
const COLUMNS: Array<[string, keyof CreateParcelInput | 'lng' | 'lat', string | number]> = [
  ['地块编号*', 'code', 'ZN-2026-101'],
  ['所属平台*', 'platformKey', '浙南产业集聚区'],
  ['面积（亩）', 'area', 45.5],
  ['面积（平方米）', 'areaM2', ''],
  ['规划用途*', 'plannedUse', '工业用地'],
  ['行业代码', 'industryCode', ''],
  ['所在区县', 'district', '龙湾区'],
  ['地址', 'address', '滨海园区纬五路'],
  ['经度', 'lng', 120.86],
  ['纬度', 'lat', 27.92],
  ['批准日期*', 'approvedOn', '2026-01-05'],
  ['批准文号*', 'approvalDocument', '浙土字〔2026〕12号'],
  ['责任人*', 'responsiblePerson', '浙南管委会 黄主任'],
  ['征地拆迁情况', 'acquisitionStatus', '征地完成'],
  ['供地期限', 'deadline', '2026-12-31'],
  ['招商联系方式', 'contact', '0577-86990002'],
];
export const MAX_PARCEL_ROWS = 5000;

/** `GET /parcels/import/template.xlsx`: the sheet to fill in (带 * 的列必填；面积填亩或平方米其一). */
export async function parcelTemplate(actor: Actor): Promise<Buffer> {
  requirePermission(actor, 'parcels.edit');
  const book = new (await loadExcelJS()).Workbook();
  const sheet = book.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(COLUMNS.map(([header]) => header)).font = { bold: true };
  sheet.addRow(COLUMNS.map(([, , example]) => example));
  sheet.columns.forEach((column) => (column.width = 18));
  const notes = book.addWorksheet('填写说明');
  for (const line of [
    '每行一宗批而未供地块；带 * 的列必填；面积填“亩”或“平方米”其一（1 亩 = 10000/15 平方米）。',
    `所属平台填：${PLATFORMS.map((p) => `${p.name}（或${p.shortName}）`).join('、')}。`,
    '日期写成 2026-01-05 或设为 Excel 日期格式。第二行是示例，导入前请删除或改成实际地块。',
    '先“试导入”检查，全部无误才会写入；有一行出错则整个文件都不写入。',
  ])
    notes.addRow([line]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function text(cell: SheetCell): string | undefined {
  if (cell === undefined) return undefined;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') return undefined;
  const value = String(cell).trim();
  return value === '' ? undefined : value;
}

const platformOf = (value: string | undefined) =>
  PLATFORMS.find((p) => p.key === value || p.name === value || p.shortName === value)?.key ?? value;

type RowError = { row: number; message: string };

/**
 * `POST /parcels/import?dryRun=`: every row checked as POST /parcels checks it (and codes unique in the file and the
 * ledger); all or nothing — one bad row and nothing is written (as the enterprise import).
 */
export async function importParcels(db: Db, actor: Actor, file: Buffer, dryRun: boolean, now: Date) {
  requirePermission(actor, 'parcels.edit');
  const scope = platformScope(actor);
  let rows: Array<{ number: number; values: SheetCell[] }> = [];
  try {
    const book = openWorkbook(file);
    const name = book.sheetNames.includes(SHEET) ? SHEET : book.sheetNames[0];
    if (!name) throw badRequest('工作簿中没有工作表');
    for await (const batch of book.rows(name)) rows.push(...batch);
  } catch (error) {
    if (error instanceof WorkbookFormatError || error instanceof ZipDamagedError) throw badRequest(error.message);
    throw error;
  }
  const header = rows.shift();
  if (!header) throw badRequest('工作表是空的，请使用下载的模板填写');
  // Row values are sparse (empty cells are holes): Array.from visits every index.
  const index = new Map(Array.from(header.values, (cell, i) => [text(cell)?.replace(/\*$/, ''), i] as const));
  const missing = COLUMNS.filter(([h]) => h.endsWith('*') && !index.has(h.replace(/\*$/, ''))).map(([h]) => h);
  if (missing.length) throw badRequest(`缺少必填列：${missing.join('、')}，请使用下载的模板`);
  rows = rows.filter((row) => row.values.some((cell) => text(cell) !== undefined));
  if (rows.length > MAX_PARCEL_ROWS) throw badRequest(`一次最多导入 ${MAX_PARCEL_ROWS} 行`);
  const errors: RowError[] = [];
  const valid: Array<{ row: number; input: CreateParcelInput; mu: string }> = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const raw: Record<string, unknown> = {};
    for (const [h, field] of COLUMNS) {
      const value = text(row.values[index.get(h.replace(/\*$/, '')) ?? -1]);
      if (value !== undefined) raw[field] = value;
    }
    raw.platformKey = platformOf(raw.platformKey as string | undefined);
    if (raw.lng !== undefined || raw.lat !== undefined) raw.location = { lng: Number(raw.lng), lat: Number(raw.lat) };
    delete raw.lng;
    delete raw.lat;
    const parsed = createParcelSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push({ row: row.number, message: parsed.error.issues.map((i) => i.message).join('；') });
      continue;
    }
    const input = parsed.data;
    if (scope && input.platformKey !== scope) errors.push({ row: row.number, message: '平台用户只能导入本平台的地块' });
    const area = parcelAreaInMu(input);
    if ('problem' in area) errors.push({ row: row.number, message: area.problem });
    if (input.approvedOn > shanghaiDay(now))
      errors.push({ row: row.number, message: `批准日期 ${input.approvedOn} 晚于今天` });
    const first = seen.get(input.code);
    if (first) errors.push({ row: row.number, message: `地块编号 ${input.code} 与第 ${first} 行重复` });
    seen.set(input.code, row.number);
    if ('mu' in area) valid.push({ row: row.number, input, mu: area.mu.toString() });
  }
  const codes = valid.map((v) => v.input.code);
  if (codes.length) {
    const taken = await db.select({ code: parcels.code }).from(parcels).where(inArray(parcels.code, codes));
    for (const { code } of taken)
      errors.push({ row: valid.find((v) => v.input.code === code)!.row, message: `地块编号 ${code} 已在台账中` });
  }
  errors.sort((a, b) => a.row - b.row);
  const summary = { dryRun, valid: errors.length === 0, rows: rows.length, errors: errors.slice(0, 1000), inserted: 0 };
  if (dryRun) return summary;
  if (errors.length > 0)
    throw unprocessable('IMPORT_INVALID', `有 ${errors.length} 处错误，整个文件都没有写入；请改正后重新导入`, summary);
  const settings = settingsValues(await currentLandSettings(db));
  await db.transaction(async (tx) => {
    for (const { input, mu } of valid) {
      const [row] = await tx
        .insert(parcels)
        .values({
          code: input.code,
          platformKey: input.platformKey,
          state: 'approved',
          areaMu: mu,
          plannedUse: input.plannedUse,
          industryCode: input.industryCode ?? null,
          district: input.district ?? null,
          address: input.address ?? null,
          lng: input.location ? String(input.location.lng) : null,
          lat: input.location ? String(input.location.lat) : null,
          approvedOn: input.approvedOn,
          approvalDocument: input.approvalDocument,
          responsiblePerson: input.responsiblePerson,
          acquisitionStatus: input.acquisitionStatus ?? null,
          deadline: input.deadline ?? null,
          contact: input.contact ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await tx.insert(parcelEvents).values({
        parcelId: row!.id,
        version: 1,
        kind: 'create',
        fromState: null,
        toState: 'approved',
        effectiveDate: input.approvedOn,
        summary: `Excel 导入：批准用地（${input.approvalDocument}），${mu} 亩，责任人 ${input.responsiblePerson}`,
        details: null,
        at: now,
        actorName: actor.username,
      });
      await refreshDeadlines(tx, row!, [], settings);
    }
    await recordAudit(
      tx,
      actor,
      { action: 'parcels.import', entityType: 'parcels', after: { rows: valid.length, codes } },
      now,
    );
  });
  forgetPublicParcels(db);
  return { ...summary, inserted: valid.length };
}
