import { isStorableText } from '@pgs/domain';

/**
 * A list's filters in the address (issue #11): each filter a query parameter, so Back from a row's page, a reload or
 * a shared link opens the list filtered as it was. Pure, so the web's unit tier tests it; `useFilterParams` wraps it.
 *
 * Each filter names the test its text must pass; a value that fails it (typed by hand, or an old link) is ignored as
 * if absent, so a bad address opens the unfiltered list instead of an error.
 */
export type FilterSpec = Readonly<Record<string, (text: string) => boolean>>;

/** The filters a spec reads, each typed by its test when the test is a type guard (`'true' | 'false'`, a platform key). */
export type Filters<S extends FilterSpec> = {
  [K in keyof S]?: S[K] extends ((text: string) => text is infer V extends string) ? V : string;
};

/** The filters the address holds; keys not in the spec (page, an opened drawer) are not filters. */
export function filtersFromSearch<S extends FilterSpec>(spec: S, search: URLSearchParams): Filters<S> {
  const filters: Record<string, string> = {};
  for (const [key, accepts] of Object.entries(spec)) {
    const text = search.get(key);
    if (text && accepts(text)) filters[key] = text;
  }
  return filters as Filters<S>;
}

/**
 * The address after a filter change: the changed filters set (or removed when empty), the other parameters kept, and
 * the page dropped, since page 3 of another result set means nothing.
 */
export function searchWithFilters<K extends string>(
  current: URLSearchParams,
  patch: Partial<Record<K, string | undefined>>,
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(patch) as [K, string | undefined][]) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  next.delete('page');
  return next;
}

/**
 * The patch a whole filter form makes on 查询: each filter the form holds set to what it shows, the ones it shows empty
 * cleared (a form's values leave an emptied field out, and a filter left out of a patch would be kept).
 */
export function patchFromForm<K extends string>(
  keys: readonly K[],
  values: Partial<Record<K, string | undefined>>,
): Record<K, string | undefined> {
  return Object.fromEntries(keys.map((key) => [key, values[key] || undefined])) as Record<K, string | undefined>;
}

/** Tests for common filter values. */
export const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);
export const isMonth = (text: string) => /^\d{4}-\d{2}$/.test(text);
export const isTrueOrFalse = (text: string): text is 'true' | 'false' => text === 'true' || text === 'false';
export const isOneOf =
  <V extends string>(...values: readonly V[]) =>
  (text: string): text is V =>
    (values as readonly string[]).includes(text);
export const isWholeNumberIn = (min: number, max: number) => (text: string) =>
  /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max;
export const isAnyText = (text: string) => text.trim() !== '';
/**
 * A search typed in a list: not blank, no longer than the server takes (`max`, the contract's limit) and text the
 * database can hold, so a long or broken search in a link opens the list unsearched instead of a refusal.
 */
export const isSearchText = (max: number) => (text: string) =>
  text.trim() !== '' && text.length <= max && isStorableText(text);
