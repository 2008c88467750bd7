import { citiesOf, PROVINCES } from '@pgs/domain';

/**
 * Select options from the one administrative-division list (@pgs/domain `PROVINCES`): target headquarters and trip
 * destinations offer the same provinces and cities as the server checks.
 */
export const PROVINCE_OPTIONS = PROVINCES.map((p) => ({ value: p.name, label: p.name }));

export function cityOptions(province: string | undefined) {
  return citiesOf(province).map((c) => ({ value: c, label: c }));
}
