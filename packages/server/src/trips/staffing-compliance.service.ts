import {
  lastDayOfMonth,
  monthsOfPeriod,
  PLATFORM_KEYS,
  shanghaiDay,
  staffingCompliance,
  workingDaysOfMonth,
  type MonthComplianceView,
  type RosterMember,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { loadCalendarBook } from '../calendar/calendar.service.ts';
import { declarationsOf, staffOfPlatform, tripsStartedBetween } from './trips.repository.ts';
import { listPlatform, requirePlatformVisible } from './trips-scope.ts';

/**
 * R2.8 staffing compliance (D24) of a platform over some months: the roster, the declarations, the trips started
 * in each month and the month's working days, handed to the domain's staffingCompliance. The service decides
 * nothing itself. NO permission check in `complianceOfMonths`: callers (the routes below, the assessment, the
 * cockpit) check their own first.
 */
export async function complianceOfMonths(
  db: Db,
  platformKey: string,
  months: string[],
): Promise<MonthComplianceView[]> {
  const sorted = [...months].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  const [roster, book, trips] = await Promise.all([
    staffOfPlatform(db, platformKey),
    loadCalendarBook(db),
    tripsStartedBetween(db, platformKey, `${first}-01`, lastDayOfMonth(last)),
  ]);
  const members: RosterMember[] = roster;
  const declarations = await declarationsOf(
    db,
    roster.map((r) => r.id),
    months,
  );
  return months.map((month) => ({
    platformKey,
    ...staffingCompliance({
      month,
      roster: members,
      trips,
      declarations: new Map(
        declarations
          .filter((d) => d.month === month)
          .map((d) => [d.staffId, String(Number(d.investmentDays))] as const),
      ),
      workingDays: workingDaysOfMonth(month, book),
    }),
  }));
}

/** `GET /platforms/:key/staffing-compliance?month=`: one platform's month, each figure with its rows. */
export async function platformCompliance(db: Db, actor: Actor, platformKey: string, month: string) {
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
