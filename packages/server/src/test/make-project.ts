import { DEFAULT_EVALUATION_SHEET, PIPELINE_STAGES, type PlatformKey, type ProjectStatus } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { actorOfUsername } from '../users/users.service.ts';
import { reportProject, transitionProject } from '../projects/projects.service.ts';
import { evaluateProject } from '../projects/access-evaluation.service.ts';
import { circulateProject } from '../projects/project-circulation.service.ts';

/** Test support (assessment, cockpit): projects reported and moved through the real services on the days a test names. */
const USERS: Record<PlatformKey, string> = { oujiangkou: 'ojk', zhenan: 'zn', hitech: 'gxq' };
const FULL = Object.fromEntries(DEFAULT_EVALUATION_SHEET.items.map((item) => [item.code, item.maxScore]));
const at = (day: string) => new Date(`${day}T04:00:00Z`);
let serial = 0;

async function actor(db: Db, username: string): Promise<Actor> {
  const found = await actorOfUsername(db, username);
  if (!found) throw new Error(`no user ${username}`);
  return found;
}

export type ProjectPlan = {
  platformKey: PlatformKey;
  industryCode: string;
  totalInvestment: string;
  reportedOn: string;
  /** Where it stops; landed needs `landedOn`. Stages between report and the last one take one day each. */
  target: ProjectStatus;
  landedOn?: string;
  circulateTo?: { platformKey: PlatformKey; firstPlaceShare: number };
  name?: string;
};

export async function makeProject(db: Db, plan: ProjectPlan): Promise<{ id: number; name: string }> {
  serial += 1;
  const reporter = await actor(db, USERS[plan.platformKey]);
  const bureau = await actor(db, 'bureau');
  const name = plan.name ?? `考核测试项目${serial}`;
  let project = await reportProject(
    db,
    reporter,
    {
      name,
      platformKey: plan.platformKey,
      investorName: `考核测试投资${serial}有限公司`,
      industryCode: plan.industryCode,
      totalInvestment: plan.totalInvestment,
      fixedAssetInvestment: plan.totalInvestment,
      landArea: '100',
      expectedAnnualTax: '5000',
    },
    at(plan.reportedOn),
  );
  let day = new Date(at(plan.reportedOn));
  const next = () => (day = new Date(day.getTime() + 86_400_000));
  let holder = reporter;
  const stages = PIPELINE_STAGES.slice(1, PIPELINE_STAGES.indexOf(plan.target as never) + 1);
  for (const stage of stages) {
    if (stage === 'evaluated') {
      const evaluation = await evaluateProject(
        db,
        holder,
        project.id,
        { scores: FULL, opinion: '同意准入，符合产业定位。', panel: ['专家组'], version: project.version },
        next(),
      );
      project = { ...project, version: evaluation.projectVersion };
    }
    if (stage === 'negotiating' && plan.circulateTo) {
      const moved = await circulateProject(
        db,
        bureau,
        project.id,
        {
          toPlatformKey: plan.circulateTo.platformKey,
          firstPlaceShare: plan.circulateTo.firstPlaceShare,
          reason: '首谈地无法承载，流转至更适合的平台',
          version: project.version,
        },
        next(),
      );
      project = { ...project, version: moved.projectVersion };
      holder = await actor(db, USERS[plan.circulateTo.platformKey]);
    }
    const when = stage === 'landed' && plan.landedOn ? at(plan.landedOn) : next();
    project = await transitionProject(
      db,
      stage === 'tracked' ? bureau : holder,
      project.id,
      { to: stage, version: project.version, effectiveDate: when.toISOString().slice(0, 10) },
      when,
    );
  }
  return { id: project.id, name };
}
