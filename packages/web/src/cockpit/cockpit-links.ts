import type { CockpitFigures, CockpitView } from '@pgs/domain';

/**
 * Where the rows behind a figure are listed: each module's own list page, filtered to the platform (and the run or
 * assessment the figure came from), so "click a figure, see its rows" reuses pages people already know.
 * `platformKey` null = the city column (no platform filter).
 */
export function rowsLink(key: string, platformKey: string | null, figures: CockpitFigures, view: CockpitView): string {
  const withPlatform = (path: string, params: Record<string, string | undefined> = {}) => {
    const search = new URLSearchParams();
    if (platformKey) search.set('platformKey', platformKey);
    for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
    const text = search.toString();
    return text ? `${path}?${text}` : path;
  };
  if (key === 'pipelineOpen' || key === 'pipelineInvestment') return withPlatform('/projects');
  if (key === 'largeLanded') return withPlatform('/projects', { status: 'landed', sizeTier: '20yi' });
  if (key.startsWith('landed')) {
    const search = new URLSearchParams({ year: String(view.year) });
    if (platformKey) search.set('platform', platformKey);
    return `/projects/summary?${search.toString()}`;
  }
  if (key.startsWith('abcd'))
    return figures.abcd ? `/evaluations?year=${figures.abcd.year}&run=${figures.abcd.runId}` : '/evaluations';
  if (key === 'landApproved' || key === 'landApprovedArea')
    return withPlatform('/parcels', { subDatabase: 'approved_not_supplied' });
  if (key === 'landUnused') return withPlatform('/parcels', { subDatabase: 'supplied_not_used' });
  if (key === 'landVacated') return withPlatform('/parcels', { subDatabase: 'vacated' });
  if (key === 'landHandled') return withPlatform('/parcels');
  if (key === 'renewalOverdue') return withPlatform('/renewal/overdue', { asOf: view.asOf });
  if (key.startsWith('renewal')) return withPlatform('/renewal');
  if (key.startsWith('targets')) return withPlatform('/targets/funnel');
  if (key.startsWith('trips')) return withPlatform('/trips/compliance');
  if (key.startsWith('assessment'))
    return figures.assessment
      ? `/assessment?year=${figures.assessment.year}&id=${figures.assessment.id}`
      : '/assessment';
  return withPlatform('/key-tasks', { year: String(view.year) });
}
