import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { periodCompliance } from '../trips/staffing-compliance.service.ts';
import { listTrips } from '../trips/trips.service.ts';
import { ensureDemoTrips } from './demo-trips.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('demo trips and rosters (npm start in demo mode, issue #13)', () => {
  it('about 200 trips over two years through the services, once; late ones; 高新区 misses one month', async () => {
    const db = t.database.db;
    const made = await ensureDemoTrips(db, t.clock());
    expect(made).toBeGreaterThan(170);
    expect(made).toBeLessThan(240);
    expect(await ensureDemoTrips(db, t.clock())).toBe(0);
    const late = await listTrips(db, SYSTEM_ACTOR, { late: true, page: 1, pageSize: 1 });
    expect(late.total).toBeGreaterThan(10);
    // The test clock is 2026-11-28: four months before is 2026-07.
    const board = await periodCompliance(db, SYSTEM_ACTOR, '2026Q3', t.clock());
    const missing = board.platforms.flatMap((p) =>
      p.months.filter((m) => m.missing.length > 0).map((m) => `${p.platformKey} ${m.month}`),
    );
    expect(missing).toEqual(['hitech 2026-07']);
    const hitech = board.platforms.find((p) => p.platformKey === 'hitech')!;
    // 3 of 9 take part (exactly 1/3); 彭丽 joins two months before the clock (September): 3 of 10 from then on.
    expect(hitech.months.map((m) => [m.staffShare, m.staffOk])).toEqual([
      ['3/9', true],
      ['3/9', true],
      ['3/10', false],
    ]);
    const november = await periodCompliance(db, SYSTEM_ACTOR, '2026Q4', t.clock());
    const hitechQ4 = november.platforms.find((p) => p.platformKey === 'hitech')!;
    expect(hitechQ4.months.map((m) => m.staffShare)).toEqual(['3/10', '3/10']);
  });
});
