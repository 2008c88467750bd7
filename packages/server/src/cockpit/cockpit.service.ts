import {
  asOfNotes,
  BONUS_MIN_TOTAL_INVESTMENT,
  cityOf,
  cockpitDay,
  investmentCreditOfGroups,
  landedOf,
  landOf,
  monthsThrough,
  pipelineOf,
  PLATFORM_KEYS,
  platformName,
  shanghaiDay,
  type CockpitFigures,
  type CockpitView,
  type PlatformKey,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { badRequest } from '../platform/errors.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { projectStageFigures } from '../projects/projects.service.ts';
import { landedFiguresOfYear } from '../projects/project-circulation.service.ts';
import { listRuns } from '../mu-evaluation/mu-evaluation.service.ts';
import { parcelCleanupFigures } from '../land/parcels.service.ts';
import { renewalCaseFigures } from '../renewal/renewal.service.ts';
import { targetFunnelCounts } from '../targets/target-funnel.service.ts';
import { complianceOfPlatforms } from '../trips/staffing-compliance.service.ts';
import { getAssessment, listAssessments } from '../assessment/assessment.service.ts';
import { rubricOfYear } from '../assessment/rubrics.service.ts';
import { keyTaskCompletion } from '../key-tasks/key-tasks.service.ts';
import { writeGeneration } from '../audit/audit.service.ts';
import { perDatabase } from '../platform/change-signals.ts';
import { GenerationCache } from './cockpit-cache.ts';

const cacheOf = perDatabase(() => new GenerationCache<CockpitView>());

/**
 * The leadership cockpit (issue #14, 驾驶舱): every figure is read from the module that owns it, through its service,
 * as of one day; the rules that turn rows into figures are the domain's (cockpit-figures.ts). The leadership group,
 * the drc and the eitc see the three platforms and the city; a platform user sees its own column only (D10) — the
 * services called below scope a platform actor themselves, and the cockpit asks only for its own platform.
 *
 * The answer is kept (cockpit-cache.ts) by everything it depends on: the year, the day asked and today (a past day's
 * notes and today's clocks move with the date), the role and platform of the reader (a platform sees its column;
 * drafts and labels follow the role), and the generation of committed writes read before the figures.
 */
export async function cockpitView(
  db: Db,
  actor: Actor,
  query: { year?: number; asOf?: string },
  now: Date,
): Promise<CockpitView> {
  requirePermission(actor, 'cockpit.read');
  const today = shanghaiDay(now);
  const year = query.year ?? Number((query.asOf ?? today).slice(0, 4));
  const day = cockpitDay(year, query.asOf, today);
  if (!day.ok) throw badRequest(day.message);
  const scope = platformScope(actor);
  const generation = await writeGeneration(db);
  const key = [year, day.asOf, today, actor.role, scope ?? ''].join('|');
  return cacheOf(db).get(key, generation, () => computeCockpit(db, actor, year, day.asOf, today, now));
}

async function computeCockpit(
  db: Db,
  actor: Actor,
  year: number,
  asOf: string,
  today: string,
  now: Date,
): Promise<CockpitView> {
  const past = asOf < today;
  const from = `${year}-01-01`;
  const scope = platformScope(actor);
  const keys: readonly PlatformKey[] = scope ? [scope] : PLATFORM_KEYS;

  // Independent reads, in parallel: each module answers for every visible platform at once where it can.
  const [stages, landed, rubric, runs, land, renewal, funnel, trips, assessments, keyTasks] = await Promise.all([
    // Stocks: today's rows for today; for a past day, replayed from the owners' dated histories.
    projectStageFigures(db, past ? asOf : undefined),
    // One GROUP BY for every platform's credit and landed count (the R2.6 rule is the domain's, over the groups).
    landedFiguresOfYear(db, year, asOf, BONUS_MIN_TOTAL_INVESTMENT),
    rubricOfYear(db, year),
    listRuns(db, actor, { status: 'published', page: 1, pageSize: 50 }),
    parcelCleanupFigures(db, actor, from, asOf, past ? asOf : undefined),
    renewalCaseFigures(db, actor, from, asOf),
    targetFunnelCounts(db, actor, year),
    complianceOfPlatforms(db, keys, monthsThrough(year, asOf)),
    listAssessments(db, actor, { status: 'published', page: 1, pageSize: 50 }),
    keyTaskCompletion(db, actor, year, asOf, now),
  ]);

  // The latest ABCD evaluation and assessment published by the day, of this year's data or earlier.
  const published = (at: string | null) => at !== null && shanghaiDay(new Date(at)) <= asOf;
  const run = runs.items.find((r) => r.year <= year && published(r.publishedAt)) ?? null;
  const latest = assessments.items.find((a) => a.year <= year && published(a.publishedAt) && a.id !== null);
  const assessment = latest?.id ? await getAssessment(db, actor, latest.id) : null;

  const behindShare = rubric.rubric.behindScheduleShare;
  const tasks = rubric.rubric.investmentTasks as Partial<Record<PlatformKey, string>>;
  // A circulated project is the holder's and the first place's (it shares the credit, R2.5).
  const ofPlatform = (key: PlatformKey) => (row: { platformKey: string; fromPlatformKey: string | null }) =>
    row.platformKey === key || row.fromPlatformKey === key;
  const countOf = (rows: readonly { count: number }[]) => rows.reduce((n, row) => n + row.count, 0);
  const groupsOf = (key: PlatformKey) =>
    landed.groups.filter((group) =>
      ofPlatform(key)({ ...group, fromPlatformKey: group.circulation?.fromPlatformKey ?? null }),
    );

  const platforms = keys.map((key, k): CockpitView['platforms'][number] => {
    const runPlatform = run?.platforms.find((p) => p.platformKey === key);
    const ranked = assessment?.platforms.find((p) => p.platformKey === key);
    const funnelRow = funnel.rows.find((row) => row.key === key);
    const months = trips[k] ?? [];
    const completion = keyTasks.platforms.find((p) => p.platformKey === key);
    const renewalRow = renewal.find((row) => row.platformKey === key);
    const figures: CockpitFigures = {
      pipeline: pipelineOf(stages.filter((row) => row.platformKey === key)),
      landed: landedOf({
        year,
        asOf,
        credit: String(investmentCreditOfGroups(key, year, landed.groups)),
        task: tasks[key] ?? null,
        behindShare,
        projects: landed.large.filter(ofPlatform(key)),
        landedCount: countOf(groupsOf(key)),
      }),
      abcd:
        run && runPlatform
          ? {
              runId: run.id,
              year: run.year,
              counts: runPlatform.counts,
              dShare: runPlatform.dShare,
              targetDShare: runPlatform.targetDShare,
              ruleHolds: runPlatform.ruleHolds,
              reason: runPlatform.reason,
            }
          : null,
      land: landOf(
        land.states.filter((row) => row.platformKey === key),
        land.handled.find((row) => row.platformKey === key),
      ),
      renewal: {
        open: renewalRow?.open ?? 0,
        overdue: renewalRow?.overdue ?? 0,
        closed: renewalRow?.closed ?? 0,
        closedOnTime: renewalRow?.closedOnTime ?? 0,
      },
      targets: {
        targets: funnelRow?.targets ?? 0,
        contacted: funnelRow?.contacted ?? 0,
        reported: funnelRow?.reported ?? 0,
        landed: funnelRow?.landed ?? 0,
      },
      trips: {
        months: months.length,
        monthsOk: months.filter((m) => m.allOk).length,
        monthsMissing: months.filter((m) => m.missing.length > 0).length,
      },
      assessment:
        assessment && assessment.id !== null && ranked
          ? {
              id: assessment.id,
              year: assessment.year,
              rank: ranked.rank,
              score: ranked.score,
              warnings: ranked.warnings.map((w) => ({ platformKey: key, label: w.label, reason: w.reason })),
            }
          : null,
      keyTasks: { parts: completion?.parts ?? 0, done: completion?.done ?? 0, overdue: completion?.overdue ?? 0 },
    };
    return { platformKey: key, platformName: platformName(key), figures };
  });

  const city = scope
    ? null
    : cityOf(
        platforms.map((p) => p.figures),
        run
          ? {
              runId: run.id,
              year: run.year,
              counts: run.counts,
              dShare: run.cityDShare,
              targetDShare: null,
              ruleHolds: run.platforms.every((p) => p.ruleHolds),
              reason: `全市参评企业 D 类占比；${run.platforms.filter((p) => !p.ruleHolds).length} 个平台未达到高于全市 5 至 10 个百分点的要求`,
            }
          : null,
        { year, asOf, behindShare, projects: landed.large, landedCount: countOf(landed.groups) },
      );
  return { year, asOf, scope, platforms, asOfNotes: asOfNotes(asOf, today), city };
}
