import { DEFAULT_EVALUATION_SHEET, PIPELINE_STAGES, type PlatformKey, type ProjectStatus } from '@pgs/domain';
import { DEMO_PROJECTS } from './demo-projects-data.ts';
import type { Db } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import { actorOfUsername } from '../users/users.service.ts';
import { listProjects, moveProject, reportProject } from '../projects/projects.service.ts';
import { evaluateProject } from '../projects/access-evaluation.service.ts';
import { circulateProject } from '../projects/project-circulation.service.ts';

const PLATFORM_USERS: Record<PlatformKey, string> = { oujiangkou: 'ojk', zhenan: 'zn', hitech: 'gxq' };
const PLATFORMS = Object.keys(PLATFORM_USERS) as PlatformKey[];
/** Where each demo project stops: every stage of R2.4 appears, with more of the early ones, as in a real pipeline. */
const TARGETS: ProjectStatus[] = [
  'reported',
  'feasible',
  'plan_submitted',
  'evaluated',
  'tracked',
  'negotiating',
  'signed',
  'landed',
  'lost',
  'landed',
];
const FULL_MARKS = Object.fromEntries(DEFAULT_EVALUATION_SHEET.items.map((item) => [item.code, item.maxScore]));
const DAY_MS = 24 * 60 * 60 * 1000;
/** Days between two stages of a demo project (capped at today): early reports reach far, so some negotiations are overdue. */
const STAGE_DAYS = 15;

async function actorOf(db: Db, username: string): Promise<Actor> {
  const actor = await actorOfUsername(db, username);
  if (!actor) throw new Error(`演示账号 ${username} 不存在`);
  return actor;
}

/**
 * Registration days spread over the last year (issue #9): project i is reported 12–342 days before today, each
 * later stage 15 days after the one before and never after today, so every date obeys the stage-date rule.
 */
function reportInstant(i: number, now: Date): Date {
  return new Date(now.getTime() - (12 + ((i * 97) % 331)) * DAY_MS);
}

export async function ensureDemoProjects(db: Db, now: Date): Promise<number> {
  const bureau = await actorOf(db, 'bureau');
  if ((await listProjects(db, bureau, { page: 1, pageSize: 1 }, now)).total > 0) return 0;
  let made = 0;
  // Each platform's reporter once, not once per project (issue #15).
  const reporters = new Map<PlatformKey, Actor>();
  for (const platformKey of PLATFORMS) reporters.set(platformKey, await actorOf(db, PLATFORM_USERS[platformKey]));
  for (let i = 0; i < 60; i++) {
    const platformKey = PLATFORMS[i % 3]!;
    const reporter = reporters.get(platformKey)!;
    const demo = DEMO_PROJECTS[platformKey][Math.floor(i / 3) % DEMO_PROJECTS[platformKey].length]!;
    const phase = Math.floor(i / 30) + 1;
    const land = 30 + (i % 7) * 10;
    const reportedAt = reportInstant(i, now);
    let project = await reportProject(
      db,
      reporter,
      {
        name: phase === 1 ? demo.name : `${demo.name}（二期）`,
        platformKey,
        investorName: demo.investor,
        industryCode: demo.industryCode,
        totalInvestment: String(land * 500 + i * 3000),
        fixedAssetInvestment: String(land * 420),
        landArea: String(land),
        expectedAnnualTax: String(land * 35),
        expectedAnnualOutput: String(land * 600),
        description: `演示数据：${demo.name}`,
      },
      reportedAt,
    );
    made++;
    const target = TARGETS[Math.floor(i / 3) % TARGETS.length]!;
    let step = 0;
    const stageInstant = () => new Date(Math.min(now.getTime(), reportedAt.getTime() + ++step * STAGE_DAYS * DAY_MS));
    const moveTo = async (to: ProjectStatus, actor: Actor, reason?: string) => {
      // The move alone: the seeding needs only the new version, not the project read back (issue #15).
      const version = await moveProject(
        db,
        actor,
        project.id,
        { to, version: project.version, reason },
        stageInstant(),
      );
      project = { ...project, version };
    };
    if (target === 'lost') {
      await moveTo('lost', reporter, '投资方选择外地落户');
      continue;
    }
    for (const stage of PIPELINE_STAGES.slice(1, PIPELINE_STAGES.indexOf(target as never) + 1)) {
      if (stage === 'evaluated') {
        const evaluation = await evaluateProject(
          db,
          reporter,
          project.id,
          {
            scores: FULL_MARKS,
            opinion: '项目符合平台产业定位，投资强度和亩均税收均高于准入标准，同意准入。',
            panel: ['评审专家组'],
            version: project.version,
          },
          new Date(Math.min(now.getTime(), reportedAt.getTime() + step * STAGE_DAYS * DAY_MS)),
        );
        project = { ...project, version: evaluation.projectVersion };
      }
      await moveTo(stage, stage === 'tracked' ? bureau : reporter);
    }
  }
  // A duplicate report (R2.3) and a circulation (R2.5) so those screens have something to show.
  const first = (
    await listProjects(db, bureau, { platformKey: 'zhenan', status: 'tracked', page: 1, pageSize: 1 }, now)
  ).items[0];
  if (first) {
    const other = await actorOf(db, 'gxq');
    await reportProject(
      db,
      other,
      {
        name: first.name,
        platformKey: 'hitech',
        investorName: first.investorName,
        industryCode: first.industryCode,
        totalInvestment: first.totalInvestment,
        fixedAssetInvestment: first.fixedAssetInvestment,
        landArea: first.landMu,
        expectedAnnualTax: first.expectedAnnualTax,
        description: '演示：重复报送',
      },
      now,
    );
    made++;
  }
  // The first open 浙南 project whose industry 高新区 also encourages (D11) circulates there.
  const open = (await listProjects(db, bureau, { platformKey: 'zhenan', page: 1, pageSize: 500 }, now)).items.filter(
    (p) => p.firstReport && ['tracked', 'negotiating'].includes(p.status),
  );
  for (const candidate of open) {
    const moved = await circulateProject(
      db,
      bureau,
      candidate.id,
      { toPlatformKey: 'hitech', firstPlaceShare: '0.4', reason: '演示：浙南用地指标不足，流转至高新区' },
      now,
    ).then(
      () => true,
      (error: unknown) => {
        if (!(error instanceof AppError) || error.status !== 422) throw error;
        return false;
      },
    );
    if (moved) break;
  }
  return made;
}
