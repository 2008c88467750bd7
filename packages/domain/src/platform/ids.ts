import { z } from 'zod';

/**
 * Issue #10.7: a path id is a plain positive decimal integer, nothing else. `z.coerce.number()` read `%201` (" 1")
 * as 1 and `0x10` as 16, so a request could act on a record it did not name; these are 400 now, as are `1e1`, `01`,
 * `-1` and `1.0`. Sixteen digits at most keeps every id exact in a JavaScript number; the database's own range
 * (integer columns end at 2 147 483 647) is checked by `max`.
 */
export const ID_PATTERN = /^[1-9][0-9]{0,15}$/;
const INT4_MAX = 2_147_483_647;

export function idSchema(label: string) {
  return z
    .string({ error: `${label}必须是正整数` })
    .regex(ID_PATTERN, { error: `${label}必须是不以 0 开头的正整数（只含数字 0–9）` })
    .transform(Number)
    .pipe(z.number().max(INT4_MAX, { error: `${label}过大` }));
}
