import { useQueries } from '@tanstack/react-query';
import { EVALUATION_CLASSES, type EvaluationClass } from '@pgs/domain';
import { evaluationKeys, resultCount, type EvaluationRunView } from '../evaluations.api.ts';
import { platformShort } from '../components/enterprise-format.ts';
import type { PlatformClasses } from './ClassDistributionChart.tsx';

const emptyCounts = (): Record<EvaluationClass, number> => ({ A: 0, B: 0, C: 0, D: 0, T: 0 });

/**
 * Per platform of the run, how many enterprises fall in each class: from the run itself when the server sends the
 * counts, else counted through the results list (one `pageSize=1` request per platform and class).
 */
export function usePlatformClasses(run: EvaluationRunView): { data: PlatformClasses[]; loading: boolean } {
  const fromRun = run.platforms.every((platform) => platform.counts);
  const pairs = fromRun
    ? []
    : run.platforms.flatMap((platform) =>
        EVALUATION_CLASSES.map((cls) => ({ platformKey: platform.platformKey, cls })),
      );
  return useQueries({
    queries: pairs.map(({ platformKey, cls }) => ({
      queryKey: [...evaluationKeys.all, 'count', run.id, platformKey, cls],
      queryFn: () => resultCount(run.id, { platformKey, class: cls }),
      staleTime: Infinity,
    })),
    combine: (answers) => {
      const data = run.platforms.map((platform) => {
        const counts = emptyCounts();
        for (const cls of EVALUATION_CLASSES) {
          if (fromRun) counts[cls] = platform.counts?.[cls] ?? 0;
          else
            counts[cls] =
              answers[pairs.findIndex((pair) => pair.platformKey === platform.platformKey && pair.cls === cls)]?.data ??
              0;
        }
        return { name: platformShort(platform.platformKey), counts };
      });
      return { data, loading: answers.some((answer) => answer.isLoading) };
    },
  });
}
