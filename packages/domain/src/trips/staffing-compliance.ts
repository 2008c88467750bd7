import Decimal from 'decimal.js';

/**
 * R2.8 (§二(五)) staffing compliance of one platform in one month, with D24's reading of it:
 * - every main leader (主要负责人) makes "每月不少于1次" outbound trip: trips whose START date falls in the month;
 * - every main leader spends "1/3以上" of working time on investment: declared investment days ÷ working days of the
 *   month (national holiday calendar), compared exactly as fractions (7 of 21 passes, 6.5 of 21 does not);
 * - "1/3以上" of all platform staff take part in investment and project services (1 of 3 passes, 33 of 100 does not).
 * A figure that cannot be computed (no roster, no declaration, no calendar for the year) is missing: marked, not
 * guessed, and not passed.
 */
export const ONE_THIRD = { numerator: 1, denominator: 3 } as const;
/** "每月不少于1次". */
export const MIN_TRIPS_PER_MONTH = 1;

export type RosterMember = {
  id: number;
  name: string;
  position: string;
  mainLeader: boolean;
  takesPartInInvestment: boolean;
  /** First and last month on the roster ('YYYY-MM'; untilMonth null = still there). */
  fromMonth: string;
  untilMonth: string | null;
};

export type TripForCompliance = { id: number; startOn: string; travellerIds: readonly number[] };

export type LeaderCompliance = {
  staffId: number;
  name: string;
  /** Trips started in the month with this leader among the travellers, and their ids (the rows behind the figure). */
  trips: number;
  tripIds: number[];
  tripsOk: boolean;
  /** Declared investment days (decimal text), null when not declared. */
  investmentDays: string | null;
  workingDays: number | null;
  /** 'days/workingDays' as declared, e.g. '7/21'; null when either is missing. */
  timeShare: string | null;
  /** null: missing figure. */
  timeOk: boolean | null;
};

export type MissingFigure = 'roster' | 'calendar' | 'declaration' | 'noMainLeader';

export type MonthCompliance = {
  month: string;
  leaders: LeaderCompliance[];
  /** Staff taking part ÷ all staff on the roster that month, e.g. '4/10'; null without a roster. */
  staffShare: string | null;
  staffTakingPart: number;
  staffTotal: number;
  /** Ids of the staff counted in the numerator (the rows behind the figure). */
  staffTakingPartIds: number[];
  staffOk: boolean | null;
  missing: MissingFigure[];
  /** Every figure present and passing. */
  allOk: boolean;
};

/** Whether numerator ÷ denominator ≥ 1/3, exactly (D24): 3 × numerator ≥ denominator, in decimals (half days). */
export function atLeastOneThird(numerator: Decimal.Value, denominator: Decimal.Value): boolean {
  const d = new Decimal(denominator);
  if (d.lte(0)) return false;
  return new Decimal(numerator).times(3).gte(d);
}

export function onRoster(member: Pick<RosterMember, 'fromMonth' | 'untilMonth'>, month: string): boolean {
  return member.fromMonth <= month && (member.untilMonth === null || month <= member.untilMonth);
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function staffingCompliance(input: {
  month: string;
  roster: readonly RosterMember[];
  trips: readonly TripForCompliance[];
  /** Declared investment days by staff id for this month. */
  declarations: ReadonlyMap<number, string>;
  /** Working days of the month by the calendar, undefined when the year has no calendar. */
  workingDays: number | undefined;
}): MonthCompliance {
  const { month, trips, declarations, workingDays } = input;
  const roster = input.roster.filter((member) => onRoster(member, month));
  const tripsOfMonth = trips.filter((trip) => monthOf(trip.startOn) === month);
  const missing = new Set<MissingFigure>();
  if (workingDays === undefined) missing.add('calendar');

  const leaders: LeaderCompliance[] = roster
    .filter((member) => member.mainLeader)
    .map((leader) => {
      const tripIds = tripsOfMonth.filter((trip) => trip.travellerIds.includes(leader.id)).map((trip) => trip.id);
      const investmentDays = declarations.get(leader.id) ?? null;
      if (investmentDays === null) missing.add('declaration');
      const known = investmentDays !== null && workingDays !== undefined;
      return {
        staffId: leader.id,
        name: leader.name,
        trips: tripIds.length,
        tripIds,
        tripsOk: tripIds.length >= MIN_TRIPS_PER_MONTH,
        investmentDays,
        workingDays: workingDays ?? null,
        timeShare: known ? `${new Decimal(investmentDays).toString()}/${workingDays}` : null,
        timeOk: known ? atLeastOneThird(investmentDays, workingDays) : null,
      };
    });
  if (roster.length === 0) missing.add('roster');
  else if (leaders.length === 0) missing.add('noMainLeader');

  const takingPart = roster.filter((member) => member.takesPartInInvestment);
  const staffOk = roster.length === 0 ? null : atLeastOneThird(takingPart.length, roster.length);
  const allOk =
    missing.size === 0 && staffOk === true && leaders.every((leader) => leader.tripsOk && leader.timeOk === true);
  return {
    month,
    leaders,
    staffShare: roster.length === 0 ? null : `${takingPart.length}/${roster.length}`,
    staffTakingPart: takingPart.length,
    staffTotal: roster.length,
    staffTakingPartIds: takingPart.map((member) => member.id),
    staffOk,
    missing: [...missing],
    allOk,
  };
}

export const MISSING_FIGURE_LABELS: Record<MissingFigure, string> = {
  roster: '该月没有人员名册',
  calendar: '该年度节假日安排尚未录入，无法计算工作日',
  declaration: '有主要负责人未申报该月招商工作天数',
  noMainLeader: '名册中没有主要负责人',
};

/** The months of a period: '2026Q1' → three months, '2026' → twelve. */
export function monthsOfPeriod(period: string): string[] {
  const quarter = /^(\d{4})Q([1-4])$/.exec(period);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    return [0, 1, 2].map((i) => `${quarter[1]}-${String(first + i).padStart(2, '0')}`);
  }
  if (/^\d{4}$/.test(period))
    return Array.from({ length: 12 }, (_, i) => `${period}-${String(i + 1).padStart(2, '0')}`);
  throw new Error(`not a period: ${period}`);
}
