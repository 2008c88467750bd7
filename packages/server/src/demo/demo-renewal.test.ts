import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { ensureDemoEnterprises } from './demo-enterprises.ts';
import { ensureDemoRenewal } from './demo-renewal.ts';
import { ensureDemoLand } from './demo-land.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await ensureDemoEnterprises(t.database.db, t.clock());
  // As at start-up: the land demo first, so the exit that clears has a plant to vacate.
  await ensureDemoLand(t.database.db, t.clock());
  // Two seeders before the test: as long as demo-assessments' set-up on a loaded machine (80–100 s at load 20–25).
}, 300_000);
afterAll(() => t?.close());

describe('demo renewal cases (npm start in demo mode, R3.5, R1.6)', () => {
  it('puts every backward and zombie platform enterprise on a track, some overdue, one 出清; once only', async () => {
    const made = await ensureDemoRenewal(t.database.db, t.clock());
    expect(made).toBeGreaterThan(8);
    expect(await ensureDemoRenewal(t.database.db, t.clock())).toBe(0);
    const eitc = await t.login('eitc');
    const get = async (url: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: eitc } })).json();
    const candidates = await get('/renewal-cases/candidates');
    expect(candidates.items).toEqual([]);
    const all = await get('/renewal-cases?pageSize=500');
    expect(all.total).toBe(made);
    const cleared = all.items.filter(
      (c: { track: string; status: string }) => c.track === 'zombie_exit' && c.status === 'completed',
    );
    expect(cleared).toHaveLength(1);
    // Its parcel is 腾空 on the land ledger from that enterprise (renewal → land, through the land service).
    const parcels = await get(`/parcels?q=${encodeURIComponent(cleared[0].parcelCode)}`);
    expect(parcels.items[0]).toMatchObject({
      code: cleared[0].parcelCode,
      state: 'vacated',
      vacatedFromCreditCode: cleared[0].creditCode,
      vacateReason: 'zombie_exit',
    });
    expect(all.items.filter((c: { overdue: boolean }) => c.overdue).length).toBeGreaterThanOrEqual(3);
    expect(all.items.some((c: { track: string }) => c.track === 'catalog_upgrade')).toBe(true);
    const overdue = await get('/renewal-cases/overdue');
    expect(overdue.total).toBe(all.items.filter((c: { overdue: boolean }) => c.overdue).length);
  });
});
