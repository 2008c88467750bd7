import { isLateReport, reportDueOn, shanghaiDay, type TripInput, type TripView } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { notFound, unprocessable } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findProject } from '../projects/projects.service.ts';
import { assertTripTargets, linkTripTargets, targetsOfTrips } from '../targets/target-trips.service.ts';
import {
  insertTrip,
  tripById,
  tripDetails,
  tripPage,
  type TripFilter,
  type TripLinks,
  type TripRow,
} from './trips.repository.ts';
import { staffByIds } from './staff.repository.ts';
import { currentTripSettings } from './trip-settings.service.ts';
import { listPlatform, requirePlatformVisible } from './trips-scope.ts';

/** R2.8 outbound trips (外出招商): reported by the platform, late when after the due day, read per D10. */

async function views(db: Db | Tx, rows: TripRow[]): Promise<TripView[]> {
  const details = await tripDetails(
    db,
    rows.map((r) => r.id),
  );
  const linkedTargets = await targetsOfTrips(
    db,
    rows.map((r) => r.id),
  );
  const projectNames = new Map<number, string>();
  for (const link of details.projects) {
    if (!projectNames.has(link.projectId))
      projectNames.set(link.projectId, (await findProject(db, link.projectId))?.name ?? `项目 #${link.projectId}`);
  }
  return rows.map((row) => ({
    id: row.id,
    platformKey: row.platformKey,
    travellers: details.travellers
      .filter((t) => t.tripId === row.id)
      .map(({ id, name, mainLeader }) => ({ id, name, mainLeader })),
    startOn: row.startOn,
    endOn: row.endOn,
    province: row.province,
    city: row.city,
    met: details.contacts
      .filter((c) => c.tripId === row.id)
      .map(({ name, creditCode, targetId }) => ({ name, creditCode, targetId })),
    outcome: row.outcome,
    projects: details.projects
      .filter((p) => p.tripId === row.id)
      .map((p) => ({ id: p.projectId, name: projectNames.get(p.projectId) ?? `项目 #${p.projectId}` })),
    targets: linkedTargets.filter((t) => t.tripId === row.id).map(({ id, name, quarter }) => ({ id, name, quarter })),
    reportedAt: row.reportedAt.toISOString(),
    reportedOn: row.reportedOn,
    dueOn: row.dueOn,
    late: row.late,
    reportedBy: row.reportedBy,
    attachments: details.attachments
      .filter((a) => a.tripId === row.id)
      .map(({ id, fileName, kind, sizeBytes, uploadedAt }) => ({
        id,
        fileName,
        kind,
        sizeBytes,
        uploadedAt: uploadedAt.toISOString(),
      })),
    updatedAt: row.updatedAt?.toISOString() ?? null,
    updatedBy: row.updatedBy,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    withdrawReason: row.withdrawReason,
    version: row.version,
  }));
}

/**
 * `POST /trips`: the platform reports a trip of its own staff. Every traveller must be on the platform's roster in
 * the trip's month, every linked project the platform's own (checked through the projects service); the report is
 * late when its Shanghai day is after the due day (R2.8, the setting in force now).
 */
export async function reportTrip(db: Db, actor: Actor, input: TripInput, now: Date): Promise<TripView> {
  requirePermission(actor, 'trips.report');
  requirePlatformVisible(actor, input.platformKey, '平台');
  const reportedOn = shanghaiDay(now);
  const links = await checkedLinks(db, input, reportedOn);
  const { reportWithinDays } = await currentTripSettings(db);
  const id = await db.transaction(async (tx) => {
    const tripId = await insertTrip(
      tx,
      {
        platformKey: input.platformKey,
        startOn: input.startOn,
        endOn: input.endOn,
        province: input.province,
        city: input.city,
        outcome: input.outcome,
        reportedAt: now,
        reportedOn,
        dueOn: reportDueOn(input.endOn, reportWithinDays),
        late: isLateReport(input.endOn, reportedOn, reportWithinDays),
        reportedBy: actor.username,
      },
      links,
    );
    await linkTripTargets(tx, actor, { id: tripId, ...input }, tripTargetIds(input), now);
    await recordAudit(
      tx,
      actor,
      { action: 'trips.report', entityType: 'trip', entityId: tripId, after: { ...input, reportWithinDays } },
      now,
    );
    return tripId;
  });
  return getTrip(db, actor, id);
}

/**
 * What a report or an edit names, checked before anything is written (422 with a Chinese sentence): the days are
 * past, every traveller is on the platform's roster in the trip's month, every project and target is the platform's
 * (through the projects and targets services).
 */
export async function checkedLinks(db: Db, input: TripInput, today: string): Promise<TripLinks> {
  if (input.startOn > today)
    throw unprocessable('BAD_REQUEST', `出发日期 ${input.startOn} 还没到：外出招商在返回后报备`);
  if (input.endOn > today) throw unprocessable('BAD_REQUEST', `返回日期 ${input.endOn} 还没到：请返回后再报备`);
  const travellerIds = [...new Set(input.travellerIds)];
  const people = await staffByIds(db, travellerIds);
  const month = input.startOn.slice(0, 7);
  const notOnRoster = travellerIds.filter((id) => {
    const person = people.find((p) => p.id === id);
    return (
      !person ||
      person.platformKey !== input.platformKey ||
      person.fromMonth > month ||
      (person.untilMonth !== null && person.untilMonth < month)
    );
  });
  if (notOnRoster.length > 0)
    throw unprocessable(
      'NOT_ON_ROSTER',
      `外出人员须是本平台 ${month} 名册上的人员（编号 ${notOnRoster.join('、')} 不是）`,
      notOnRoster.map((id) => ({ field: 'travellerIds', staffId: id })),
    );
  const projectIds = [...new Set(input.projectIds ?? [])];
  for (const projectId of projectIds) {
    const project = await findProject(db, projectId);
    if (!project || (project.platformKey !== input.platformKey && project.reportedPlatformKey !== input.platformKey))
      throw unprocessable('UNKNOWN_PROJECT', `关联项目 #${projectId} 不存在或不是本平台的项目`, [
        { field: 'projectIds', projectId },
      ]);
  }
  await assertTripTargets(db, input.platformKey, [
    ...input.met.flatMap((m) => (m.targetId ? [{ targetId: m.targetId, label: `会见企业“${m.name}”` }] : [])),
    ...(input.targetIds ?? []).map((targetId) => ({ targetId, label: '关联目标企业' })),
  ]);
  return {
    travellerIds,
    contacts: input.met.map((m) => ({ name: m.name, creditCode: m.creditCode ?? null, targetId: m.targetId ?? null })),
    projectIds,
  };
}

/** The targets a trip serves: those met by name and those named in `targetIds`. */
export function tripTargetIds(input: Pick<TripInput, 'met' | 'targetIds'>): number[] {
  return [...new Set([...input.met.flatMap((m) => (m.targetId ? [m.targetId] : [])), ...(input.targetIds ?? [])])];
}

export async function getTrip(db: Db, actor: Actor, id: number): Promise<TripView> {
  requirePermission(actor, 'trips.read');
  const row = await tripById(db, id);
  if (!row) throw notFound('没有找到该外出招商记录');
  requirePlatformVisible(actor, row.platformKey, '外出招商记录');
  const [view] = await views(db, [row]);
  if (!view) throw notFound('没有找到该外出招商记录');
  return view;
}

/** `GET /trips`: newest first; a platform user sees only its own (D10). */
export async function listTrips(
  db: Db,
  actor: Actor,
  query: TripFilter & { page: number; pageSize: number },
): Promise<{ items: TripView[]; total: number; page: number; pageSize: number }> {
  requirePermission(actor, 'trips.read');
  const filter = { ...query, platformKey: listPlatform(actor, query.platformKey) };
  const { rows, total } = await tripPage(db, filter, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: await views(db, rows), total, page: query.page, pageSize: query.pageSize };
}

/** Every trip of the filter, for the export (500 per query). */
export async function* tripExportRows(db: Db, actor: Actor, filter: TripFilter): AsyncGenerator<TripView> {
  requirePermission(actor, 'trips.read');
  const scoped = { ...filter, platformKey: listPlatform(actor, filter.platformKey) };
  for (let offset = 0; ; offset += 500) {
    const { rows } = await tripPage(db, scoped, 500, offset);
    yield* await views(db, rows);
    if (rows.length < 500) return;
  }
}
