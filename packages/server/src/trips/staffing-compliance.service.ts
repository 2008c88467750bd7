import {
  lastDayOfMonth,
  monthsOfPeriod,
  PLATFORM_KEYS,
  shanghaiDay,
  staffingCompliance,
  workingDaysOfMonth,
  type MonthComplianceView,
  type PlatformKey,
  type RosterMember,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { loadCalendarBook } from '../calendar/calendar.service.ts';
import { tripsOfPlatformsStartedBetween } from './trips.repository.ts';
import { declarationsOf, staffOfPlatforms } from './staff.repository.ts';
import { listPlatform, requirePlatformVisible } from './trips-scope.ts';

/**
 * R2.8 staffing compliance (D24) of a platform over some months: the roster, the declarations, the trips started
 * in each month and the month's working days, handed to the domain's staffingCompliance. The service decides
 * nothing itself. NO permission check in `complianceOfMonths`: callers (the routes below, the assessment, the
 * cockpit) check their own first.
 */
export async function complianceOfMonths(
  db: Db,
  platformKey: PlatformKey,
  months: string[],
): Promise<MonthComplianceView[]> {
  const [result] = await complianceOfPlatforms(db, [platformKey], months);
  return result ?? [];
}

/**
 * `complianceOfMonths` of several platforms with one read of each kind (rosters, calendar, trips, declarations)
 * instead of one per platform: the cockpit's three columns. One list of months per platform, in `platformKeys` order.
 */
export async function complianceOfPlatforms(
  db: Db,
  platformKeys: readonly PlatformKey[],
  months: string[],
): Promise<MonthComplianceView[][]> {
  const sorted = [...months].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return platformKeys.map(() => []);
  const [rosters, book, trips] = await Promise.all([
    staffOfPlatforms(db, platformKeys),
    loadCalendarBook(db),
    tripsOfPlatformsStartedBetween(db, platformKeys, `${first}-01`, lastDayOfMonth(last)),
  ]);
  const declarations = await declarationsOf(
    db,
    rosters.map((r) => r.id),
    months,
  );
  const workingDays = months.map((month) => workingDaysOfMonth(month, book));
  return platformKeys.map((platformKey) => {
    const members: RosterMember[] = rosters.filter((r) => r.platformKey === platformKey);
    const ofPlatform = trips.filter((t) => t.platformKey === platformKey);
    return months.map((month, m) => ({
      platformKey,
      ...staffingCompliance({
        month,
        roster: members,
        trips: ofPlatform,
        declarations: new Map(
          declarations
            .filter((d) => d.month === month)
            .map((d) => [d.staffId, String(Number(d.investmentDays))] as const),
        ),
        workingDays: workingDays[m],
      }),
    }));
  });
}

/** `GET /platforms/:key/staffing-compliance?month=`: one platform's month, each figure with its rows. */
export async function platformCompliance(db: Db, actor: Actor, platformKey: PlatformKey, month: string) {
  requirePermission(actor, 'trips.read');
  requirePlatformVisible(actor, platformKey, '平台');
  const [result] = await complianceOfMonths(db, platformKey, [month]);
  if (!result) throw new Error('unreachable: one month asked, one answered');
  return result;
}

/** `GET /staffing-compliance?period=2026Q1|2026`: every platform (a platform user: its own) side by side. */
export async function periodCompliance(db: Db, actor: Actor, period: string, now: Date) {
  requirePermission(actor, 'trips.read');
  // Months not begun yet have no figures to miss: the board stops at the current month.
  const current = shanghaiDay(now).slice(0, 7);
  const months = monthsOfPeriod(period).filter((month) => month <= current);
  const own = listPlatform(actor, undefined);
  const keys = own ? [own] : [...PLATFORM_KEYS];
  const platforms = [];
  for (const platformKey of keys) {
    const rows = await complianceOfMonths(db, platformKey, months);
    platforms.push({
      platformKey,
      months: rows,
      monthsOk: rows.filter((r) => r.allOk).length,
      monthsMissing: rows.filter((r) => r.missing.length > 0).length,
    });
  }
  return { period, months, platforms };
}
