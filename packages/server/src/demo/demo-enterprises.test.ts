import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { buildDemoEnterprises, ensureDemoEnterprises } from './demo-enterprises.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

type Item = {
  creditCode: string;
  platformKey: string | null;
  kind: string;
  landOwned: string | null;
  landLeased: string | null;
  producing: boolean;
  utility: boolean;
  registeredOn: string;
  backwardBasis: string | null;
  zombieBasis: string | null;
};

describe('demo base database (npm start in demo mode, R3.1)', () => {
  it('is the same every time it is built (seeded, no Math.random)', () => {
    expect(buildDemoEnterprises()).toEqual(buildDemoEnterprises());
  });

  it('writes 300 enterprises over 2023–2025 through the import service, once; every sub-database has members', async () => {
    expect(await ensureDemoEnterprises(t.database.db, t.clock())).toBe(290 + 300 + 300);
    const eitc = await t.login('eitc');
    const get = async (url: string) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: eitc } });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    // Ten enterprises were registered in 2024, so 2023 has 290 records.
    expect(await get('/enterprise-records/years')).toEqual([
      { year: 2025, count: 300 },
      { year: 2024, count: 300 },
      { year: 2023, count: 290 },
    ]);
    const all = (await get('/enterprises?year=2025&pageSize=500')).items as Item[];
    for (const platformKey of ['oujiangkou', 'zhenan', 'hitech'])
      expect(all.filter((e) => e.platformKey === platformKey)).toHaveLength(80);
    expect(all.filter((e) => e.platformKey === null)).toHaveLength(60);
    expect(new Set(all.map((e) => e.creditCode)).size).toBe(300);
    expect(all.filter((e) => e.kind === 'service').length).toBeGreaterThan(40);
    expect(all.filter((e) => e.landOwned === null && e.landLeased !== null).length).toBeGreaterThan(10);
    expect(all.filter((e) => e.utility)).toHaveLength(5);
    expect(all.filter((e) => !e.producing)).toHaveLength(8);
    expect(all.filter((e) => e.registeredOn.startsWith('2024-'))).toHaveLength(10);

    const backward = (await get('/enterprises?year=2025&subDatabase=backward')).items as Item[];
    const zombie = (await get('/enterprises?year=2025&subDatabase=zombie')).items as Item[];
    expect(backward).toHaveLength(5);
    expect(zombie).toHaveLength(5);
    for (const item of backward) expect(item.backwardBasis).toContain('淘汰落后');
    for (const item of zombie) expect(item.zombieBasis).toContain('僵尸');
    const weak = (await get('/enterprises?year=2025&subDatabase=low_efficiency&pageSize=500')).items as Item[];
    expect(weak.filter((e) => e.platformKey !== null).length).toBeGreaterThan(5);
    expect(weak.filter((e) => e.platformKey === null).length).toBeGreaterThan(0);
    expect(weak.length).toBeLessThan(60);

    const audits = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit?action=enterprises.import',
        headers: { cookie: await t.login('auditor') },
      })
    ).json();
    expect(
      audits.items.map((event: { entityId: string; actorName: string }) => [event.entityId, event.actorName]),
    ).toEqual([
      ['2025', 'system'],
      ['2024', 'system'],
      ['2023', 'system'],
    ]);

    expect(await ensureDemoEnterprises(t.database.db, t.clock())).toBe(0);
  });
});
