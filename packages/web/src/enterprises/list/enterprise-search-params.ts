import { ENTERPRISE_KINDS, ENTERPRISE_SCALES } from '@pgs/domain';
import { SUB_DATABASES, type EnterpriseFilters } from '../enterprises.api.ts';

const TEXT_KEYS = ['platformKey', 'q'] as const;

/** The enterprise list keeps its filters in the address, like the project ledger: a filtered list can be sent on. */
export function filtersFromSearch(search: URLSearchParams): Omit<EnterpriseFilters, 'year'> {
  const filters: Omit<EnterpriseFilters, 'year'> = {};
  for (const key of TEXT_KEYS) {
    const value = search.get(key);
    if (value) filters[key] = value;
  }
  const kind = search.get('kind');
  if (kind && (ENTERPRISE_KINDS as readonly string[]).includes(kind)) filters.kind = kind as EnterpriseFilters['kind'];
  const scale = search.get('scale');
  if (scale && (ENTERPRISE_SCALES as readonly string[]).includes(scale))
    filters.scale = scale as EnterpriseFilters['scale'];
  const sub = search.get('subDatabase');
  if (sub && (SUB_DATABASES as readonly string[]).includes(sub))
    filters.subDatabase = sub as EnterpriseFilters['subDatabase'];
  return filters;
}

export function searchFromFilters(filters: EnterpriseFilters, page: number, pageSize: number): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.year) search.set('year', String(filters.year));
  for (const key of ['platformKey', 'kind', 'scale', 'subDatabase', 'q'] as const) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  if (page > 1) search.set('page', String(page));
  if (pageSize !== 50) search.set('pageSize', String(pageSize));
  return search;
}
