import { shanghaiDay, type PlatformKey, type StaffInput, type StaffView, type staffUpdateSchema } from '@pgs/domain';
import type { z } from 'zod';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { notFound, staleVersion, unprocessable } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { workingDaysInMonth } from '../calendar/calendar.service.ts';
import {
  declarationOf,
  declarationsOf,
  insertDeclaration,
  insertStaff,
  staffById,
  staffOfPlatform,
  updateDeclarationAt,
  updateStaffAt,
  type StaffRow,
} from './staff.repository.ts';
import { requirePlatformVisible } from './trips-scope.ts';

/** R2.8 rosters (名册) and monthly time declarations of a platform: who counts, and how much of their time. */

export function staffView(row: StaffRow): StaffView {
  return {
    id: row.id,
    platformKey: row.platformKey,
    name: row.name,
    position: row.position,
    mainLeader: row.mainLeader,
    takesPartInInvestment: row.takesPartInInvestment,
    fromMonth: row.fromMonth,
    untilMonth: row.untilMonth,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** `GET /platforms/:key/staff`: the roster, main leaders first; with `month`, only those on it that month. */
export async function listStaff(
  db: Db,
  actor: Actor,
  platformKey: PlatformKey,
  query: { month?: string | undefined; page: number; pageSize: number },
) {
  requirePermission(actor, 'trips.read');
  requirePlatformVisible(actor, platformKey, '平台的名册');
  const rows = await staffOfPlatform(db, platformKey, query.month);
  const start = (query.page - 1) * query.pageSize;
  return {
    items: rows.slice(start, start + query.pageSize).map(staffView),
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Every person of the roster, for the export. */
export async function rosterRows(db: Db, actor: Actor, platformKey: PlatformKey) {
  requirePermission(actor, 'trips.read');
  requirePlatformVisible(actor, platformKey, '平台的名册');
  return (await staffOfPlatform(db, platformKey)).map(staffView);
}

/** `POST /platforms/:key/staff`: a platform adds a person to its own roster. */
export async function addStaff(db: Db, actor: Actor, platformKey: PlatformKey, input: StaffInput, now: Date) {
  requirePermission(actor, 'trips.report');
  requirePlatformVisible(actor, platformKey, '平台的名册');
  const row = await db.transaction(async (tx) => {
    const created = await insertStaff(tx, {
      platformKey,
      name: input.name,
      position: input.position,
      mainLeader: input.mainLeader,
      takesPartInInvestment: input.takesPartInInvestment,
      fromMonth: input.fromMonth ?? shanghaiDay(now).slice(0, 7),
      untilMonth: input.untilMonth ?? null,
      updatedAt: now,
      updatedBy: actor.username,
    });
    await recordAudit(
      tx,
      actor,
      { action: 'staff.create', entityType: 'staff', entityId: created.id, after: staffView(created) },
      now,
    );
    return created;
  });
  return staffView(row);
}

async function visibleStaff(db: Db | Tx, actor: Actor, id: number): Promise<StaffRow> {
  const row = await staffById(db, id);
  if (!row) throw notFound('没有找到该人员');
  requirePlatformVisible(actor, row.platformKey, '人员');
  return row;
}

/** `PUT /staff/:id`: change a person (position, main leader, taking part, months) at the version seen. */
export async function updateStaff(
  db: Db,
  actor: Actor,
  id: number,
  input: z.infer<typeof staffUpdateSchema>,
  now: Date,
) {
  requirePermission(actor, 'trips.report');
  await visibleStaff(db, actor, id);
  const row = await db.transaction(async (tx) => {
    const before = await visibleStaff(tx, actor, id);
    const { version, ...values } = input;
    const updated = await updateStaffAt(tx, id, version, { ...values, updatedAt: now, updatedBy: actor.username });
    if (!updated) throw staleVersion('该人员信息');
    await recordAudit(
      tx,
      actor,
      {
        action: 'staff.update',
        entityType: 'staff',
        entityId: id,
        before: staffView(before),
        after: staffView(updated),
      },
      now,
    );
    return updated;
  });
  return staffView(row);
}

/** `GET /platforms/:key/time?month=`: the month's sheet — everyone on the roster with their declared days. */
export async function timeSheet(db: Db, actor: Actor, platformKey: PlatformKey, month: string) {
  requirePermission(actor, 'trips.read');
  requirePlatformVisible(actor, platformKey, '平台的名册');
  const roster = await staffOfPlatform(db, platformKey, month);
  const declared = new Map(
    (
      await declarationsOf(
        db,
        roster.map((r) => r.id),
        [month],
      )
    ).map((d) => [d.staffId, d] as const),
  );
  return {
    month,
    workingDays: (await workingDaysInMonth(db, month)) ?? null,
    rows: roster.map((row) => {
      const declaration = declared.get(row.id);
      return {
        staff: staffView(row),
        investmentDays: declaration ? String(Number(declaration.investmentDays)) : null,
        version: declaration?.version ?? null,
      };
    }),
  };
}

/**
 * `PUT /staff/:id/time/:month`: days on investment in the month. A first declaration has no version (two first
 * declarations at once: one wins, the other 409); a correction carries the version seen. The days may not exceed
 * the month's working days when the calendar knows them (a weekend trip still counts as a working day spent only if
 * declared as such — the declaration is the platform's word, checked against the calendar's total).
 */
export async function declareTime(
  db: Db,
  actor: Actor,
  key: { staffId: number; month: string },
  input: { investmentDays: string; version?: number | undefined },
  now: Date,
) {
  requirePermission(actor, 'trips.report');
  const person = await visibleStaff(db, actor, key.staffId);
  if (!(person.fromMonth <= key.month && (person.untilMonth === null || key.month <= person.untilMonth)))
    throw unprocessable('NOT_ON_ROSTER', `${person.name} 在 ${key.month} 不在名册上，不能申报该月招商工作天数`);
  const workingDays = await workingDaysInMonth(db, key.month);
  if (workingDays !== undefined && Number(input.investmentDays) > workingDays)
    throw unprocessable(
      'BAD_REQUEST',
      `招商工作天数不能超过 ${key.month} 的工作日数 ${workingDays} 天（按国务院办公厅节假日安排）`,
    );
  await db.transaction(async (tx) => {
    const before = await declarationOf(tx, key.staffId, key.month);
    const values = { investmentDays: input.investmentDays, updatedAt: now, updatedBy: actor.username };
    const saved =
      input.version === undefined
        ? await insertDeclaration(tx, { ...key, ...values, version: 1 })
        : await updateDeclarationAt(tx, { ...key, version: input.version }, values);
    if (saved.length === 0) throw staleVersion(`${person.name} ${key.month} 的招商工作天数`);
    await recordAudit(
      tx,
      actor,
      {
        action: 'staff.time_declare',
        entityType: 'time_declaration',
        entityId: `${key.staffId}/${key.month}`,
        before: before ? { investmentDays: before.investmentDays, version: before.version } : null,
        after: { investmentDays: input.investmentDays },
      },
      now,
    );
  });
  const saved = await declarationOf(db, key.staffId, key.month);
  if (!saved) throw notFound('没有找到该申报');
  return {
    staffId: key.staffId,
    month: key.month,
    investmentDays: String(Number(saved.investmentDays)),
    workingDays: workingDays ?? null,
    version: saved.version,
    updatedAt: saved.updatedAt.toISOString(),
  };
}
