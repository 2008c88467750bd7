import type { PlatformKey } from '@pgs/domain';
import type { ClassCounts, EvaluationRunSummary } from '../mu-evaluation.api.ts';

/** The counts a user looks at: the city's, or for a platform user its own platform's (it sees only its own results). */
export function countsFor(
  run: Pick<EvaluationRunSummary, 'counts' | 'platforms'>,
  ownPlatform: PlatformKey | null,
): ClassCounts {
  return (ownPlatform && run.platforms.find((platform) => platform.platformKey === ownPlatform)?.counts) || run.counts;
}
