import type { EvaluationRunView } from '../mu-evaluation.api.ts';
import { platformShort } from '../../enterprises/components/enterprise-format.ts';
import type { PlatformClasses } from './ClassDistributionChart.tsx';

/** Per platform of the run, how many enterprises fall in each class: the server sends them with the run (R3.2). */
export function usePlatformClasses(run: EvaluationRunView): { data: PlatformClasses[]; loading: boolean } {
  const data = run.platforms.map((platform) => ({
    name: platformShort(platform.platformKey),
    counts: platform.counts,
  }));
  return { data, loading: false };
}
