import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { ensureDemoEnterprises } from './demo-enterprises.ts';
import { DEMO_PUBLISHED_YEAR, ensureDemoEvaluation } from './demo-evaluations.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await ensureDemoEnterprises(t.database.db, t.clock());
});
afterAll(() => t?.close());

describe('demo evaluation (npm start in demo mode, R3.2, D17)', () => {
  it('publishes one 2024 run once; a platform user reads its own results of it', async () => {
    const id = await ensureDemoEvaluation(t.database.db, t.clock());
    expect(id).not.toBeNull();
    expect(await ensureDemoEvaluation(t.database.db, t.clock())).toBeNull();
    const zn = await t.login('zn');
    const runs = await t.app.inject({
      method: 'GET',
      url: `/api/v1/evaluations?year=${DEMO_PUBLISHED_YEAR}`,
      headers: { cookie: zn },
    });
    expect(runs.statusCode, runs.body).toBe(200);
    expect(runs.json().items.map((run: { id: number; status: string }) => [run.id, run.status])).toEqual([
      [id, 'published'],
    ]);
    const results = await t.app.inject({
      method: 'GET',
      url: `/api/v1/evaluations/${id}/results?pageSize=500`,
      headers: { cookie: zn },
    });
    const platforms = new Set(results.json().items.map((item: { platformKey: string }) => item.platformKey));
    expect([...platforms]).toEqual(['zhenan']);
    expect(results.json().total).toBeGreaterThan(50);
  });
});
