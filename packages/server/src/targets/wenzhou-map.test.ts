import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { apiSender } from '../test/api-sender.ts';

/**
 * The Wenzhou investment map's parcel layer on PGlite and PostgreSQL (issues #13 and #12): the parcels come through
 * the land service with the caller's scope (D10: a platform sees only its own, the city roles all), each with its
 * point, area, stage, idle status and due flag; parcels without a point are counted, per platform and in total.
 */

let t: TestApp;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['zn', 'gxq', 'bureau', 'leader']) cookies[user] = await t.login(user);
});
afterAll(() => t?.close());

type MapAnswer = {
  platforms: Array<{ platformKey: string; parcels: number; unlocatedParcels: number }>;
  parcels: {
    asOf: string;
    points: Array<{
      id: number;
      code: string;
      platformKey: string;
      point: [number, number];
      area: string;
      state: string;
      idle: string;
      due: string | null;
    }>;
    unlocated: number;
  };
};

const send = apiSender(() => t, cookies);
async function mapOf(user: string): Promise<MapAnswer> {
  const response = await send(user, 'GET', '/targets/map/wenzhou');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

let serial = 0;
async function parcel(user: string, platformKey: string, over: Record<string, unknown> = {}) {
  const response = await send(user, 'POST', '/parcels', {
    code: `MAP-${platformKey}-${++serial}`,
    platformKey,
    area: '12.5',
    plannedUse: '工业用地',
    approvedOn: '2024-01-05',
    approvalDocument: '浙土字〔2024〕12号',
    responsiblePerson: '平台用户',
    district: '龙湾区',
    location: { lng: 120.84, lat: 27.9 },
    ...over,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number; code: string; version: number }>();
}

describe('the Wenzhou map answers the parcels (issue #13 with #12)', () => {
  let before: { zn: MapAnswer; gxq: MapAnswer; bureau: MapAnswer };
  let located: { id: number; code: string };
  let idle: { id: number; code: string };
  let unlocated: { id: number; code: string };
  let other: { id: number; code: string };

  beforeAll(async () => {
    before = { zn: await mapOf('zn'), gxq: await mapOf('gxq'), bureau: await mapOf('bureau') };
    located = await parcel('zn', 'zhenan');
    // Supplied with a start agreed long before the test's today and never started: the clock says idle (or recovery).
    const toSupply = await parcel('zn', 'zhenan', { location: { lng: 120.85, lat: 27.87 } });
    const supplied = await send('zn', 'POST', `/parcels/${toSupply.id}/supply`, {
      way: 'transfer',
      contractNo: 'HT-MAP-1',
      contractDate: '2024-02-01',
      landPrice: '1000',
      holderName: '温州地图测试有限公司',
      agreedStartOn: '2024-03-01',
      agreedCompletionOn: '2026-03-01',
      version: toSupply.version,
    });
    expect(supplied.statusCode, supplied.body).toBe(200);
    idle = toSupply;
    unlocated = await parcel('zn', 'zhenan', { location: undefined });
    other = await parcel('gxq', 'hitech', { location: { lng: 120.72, lat: 27.98 } });
  });

  it('a platform sees only its own parcels, with point, area, stage, idle status and due flag', async () => {
    const zn = await mapOf('zn');
    const codes = zn.parcels.points.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining([located.code, idle.code]));
    expect(codes).not.toContain(other.code);
    expect(codes).not.toContain(unlocated.code);
    expect(zn.parcels.points.every((p) => p.platformKey === 'zhenan')).toBe(true);
    expect(zn.platforms.map((p) => p.platformKey)).toEqual(['zhenan']);
    expect(zn.parcels.points.find((p) => p.code === located.code)).toMatchObject({
      id: located.id,
      point: [120.84, 27.9],
      area: '12.500000',
      state: 'approved',
      idle: 'normal',
    });
    const supplied = zn.parcels.points.find((p) => p.code === idle.code)!;
    expect(supplied.state).toBe('supplied');
    expect(['idle', 'recovery']).toContain(supplied.idle);
    // A threshold of its clock is already behind it (the due list's "past").
    expect(supplied.due).toBe('past');

    const gxq = await mapOf('gxq');
    expect(gxq.parcels.points.map((p) => p.code)).toContain(other.code);
    expect(gxq.parcels.points.map((p) => p.code)).not.toContain(located.code);
  });

  it('counts the parcels without a point, per platform and in total, instead of dropping them', async () => {
    const zn = await mapOf('zn');
    expect(zn.parcels.points.length).toBe(before.zn.parcels.points.length + 2);
    expect(zn.parcels.unlocated).toBe(before.zn.parcels.unlocated + 1);
    expect(zn.platforms[0]).toMatchObject({
      parcels: before.zn.platforms[0]!.parcels + 3,
      unlocatedParcels: before.zn.platforms[0]!.unlocatedParcels + 1,
    });
    // The platform's count is exactly its points plus its unlocated parcels.
    expect(zn.platforms[0]!.parcels).toBe(zn.parcels.points.length + zn.parcels.unlocated);
    const gxq = await mapOf('gxq');
    expect(gxq.parcels.unlocated).toBe(before.gxq.parcels.unlocated);
  });

  it('the city roles see every platform’s parcels', async () => {
    for (const user of ['bureau', 'leader']) {
      const all = await mapOf(user);
      const codes = all.parcels.points.map((p) => p.code);
      expect(codes).toEqual(expect.arrayContaining([located.code, idle.code, other.code]));
      expect(all.platforms.map((p) => p.platformKey).sort()).toEqual(['hitech', 'oujiangkou', 'zhenan']);
      expect(all.parcels.points.length).toBe(before.bureau.parcels.points.length + 3);
      expect(all.parcels.unlocated).toBe(before.bureau.parcels.unlocated + 1);
      const byPlatform = all.platforms.reduce((sum, p) => sum + p.parcels, 0);
      expect(byPlatform).toBe(all.parcels.points.length + all.parcels.unlocated);
    }
  });
});
