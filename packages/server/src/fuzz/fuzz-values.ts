/**
 * The malformed values the fuzz suite sends (issue #10, "How we will know"), and a seeded random source so a failing
 * run can be replayed with its seed.
 */
export type Random = {
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
};

/** mulberry32: small, fast and good enough to spread cases; the same seed gives the same run. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}

export const ODD_IDS = [
  '%201',
  '0x10',
  '1e1',
  '01',
  '-1',
  '1.0',
  '0',
  '99999999999999999999',
  '2147483648',
  '%2e%2e',
  '..%2f',
  '１',
  '1%00',
  'abc',
  '%ED%A0%80',
  '1;DROP',
  "1'",
];

export const ODD_STRINGS: readonly string[] = [
  '\ud800',
  'a\udfffb',
  '\u0000',
  'x\u0000y',
  '\u202e反向文字',
  '😀',
  "'; DROP TABLE users; --",
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  ' ',
  '',
  '\uFEFF3612',
  '36１2',
  '9999-12-31',
  '2019-01-01',
  '0000-00-00',
  'NaN',
  '-1',
  '1e309',
];

export function hugeString(random: Random): string {
  return random.pick(['汉', 'a', '\ud800', '0']).repeat(random.pick([5_000, 100_000]));
}

/** A value of another type than the schema asked for. */
export function wrongType(random: Random, type: string | undefined): unknown {
  const options: unknown[] = [
    null,
    true,
    -1,
    1.5,
    1e308,
    [],
    {},
    [[[]]],
    'text',
    '',
    { __proto__: null },
    Number.MAX_SAFE_INTEGER,
  ];
  const filtered = options.filter((value) => {
    if (type === 'string') return typeof value !== 'string';
    if (type === 'number' || type === 'integer') return typeof value !== 'number';
    if (type === 'boolean') return typeof value !== 'boolean';
    if (type === 'array') return !Array.isArray(value);
    if (type === 'object') return typeof value !== 'object' || Array.isArray(value) || value === null;
    return true;
  });
  return random.pick(filtered);
}

/** JSON nested `depth` levels deep, as text (JSON.stringify would overflow building it as objects). */
export function deeplyNested(random: Random, depth = 20_000): string {
  return random.chance(0.5) ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** Bodies that try to reach the prototype of the parsed object. */
export const PROTOTYPE_BODIES: readonly string[] = [
  '{"__proto__":{"role":"admin","isAdmin":true}}',
  '{"constructor":{"prototype":{"role":"admin"}}}',
  '{"name":"x","__proto__":{"polluted":1}}',
  '{"scores":{"__proto__":5,"constructor":1}}',
  '{"records":[{"__proto__":{"platformKey":"hitech"}}],"year":2025}',
];
