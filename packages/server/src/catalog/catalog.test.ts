import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { expectEveryAuditActionNamed } from '../test/audit-names.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let drc: string;
let ojk: string;
beforeAll(async () => {
  t = await createTestApp();
  drc = await t.login('drc');
  ojk = await t.login('ojk');
});
afterAll(() => t.close());

const get = (url: string, cookie = drc) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, cookie = drc) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, payload: payload as never });
const classify = async (platform: string, code: string, extra = '') =>
  (await get(`/catalogs/${platform}/classify?industryCode=${code}${extra}`, ojk)).json();

async function newDraft(platform: string, version: string) {
  const response = await send('POST', `/catalogs/${platform}/versions`, { version });
  expect(response.statusCode).toBe(201);
  return response.json();
}

describe('the 2018年本 catalogs (R1.1–R1.5)', () => {
  it('every platform has its 2018年本 in force from 2018-09-30, every item with code, name and basis', async () => {
    for (const platform of ['oujiangkou', 'zhenan', 'hitech']) {
      const catalog = (await get(`/catalogs/${platform}`, ojk)).json();
      expect(catalog).toMatchObject({ version: '2018年本', state: 'in_force', effectiveDate: '2018-09-30' });
      // Published by the start-up seeding: people read 系统, not the username 'system'.
      expect(catalog).toMatchObject({ publishedBy: 'system', publishedByName: '系统', createdByName: '系统' });
      expect(catalog.items.length).toBeGreaterThan(20);
      for (const item of catalog.items) {
        expect(item.industryName, item.industryCode).toBeTruthy();
        expect(item.basis).toMatch(/^R1\.[234]-/);
      }
    }
  });

  it.each([
    ['zhenan', '3612', 'encouraged'],
    ['hitech', '2720', 'encouraged'],
    ['oujiangkou', '3823', 'encouraged'],
    ['oujiangkou', '3737', 'encouraged'],
    ['oujiangkou', '3731', 'eliminated'],
    ['hitech', '3011', 'eliminated'],
    ['zhenan', '3110', 'eliminated'],
    ['oujiangkou', '3216', 'eliminated'],
    ['zhenan', '3041', 'eliminated'],
    ['oujiangkou', '3612', 'restricted'],
  ])('on %s, %s is %s', async (platform, code, category) => {
    const result = await classify(platform, code);
    expect(result.category).toBe(category);
    expect(result.catalogVersion).toBe('2018年本');
    expect(result.explanation).toContain(code);
  });

  it('says R1.5 for an unlisted code, and does not guess', async () => {
    const result = await classify('zhenan', '8810');
    expect(result).toMatchObject({ category: 'unlisted', itemId: null, item: null });
    expect(result.explanation).toContain('按国家、省、市其他有关产业政策执行');
  });

  it('refuses an unknown but well-formed code with 422 and a malformed one with 400', async () => {
    const unknown = await get('/catalogs/zhenan/classify?industryCode=3619', ojk);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('UNKNOWN_INDUSTRY');
    const malformed = await get('/catalogs/zhenan/classify?industryCode=36a', ojk);
    expect(malformed.statusCode).toBe(400);
  });
});

describe('drafting, comparing and publishing a new version', () => {
  it('a drc user drafts, edits, compares and publishes; classification follows from the effective date', async () => {
    const draft = await newDraft('zhenan', '2026年本');
    expect(draft.state).toBe('draft');
    const base = (await get('/catalogs/zhenan')).json();
    expect(draft.items).toHaveLength(base.items.length);

    // A platform user does not see the draft.
    expect((await get(`/catalog-versions/${draft.id}`, ojk)).statusCode).toBe(404);

    const added = await send('POST', `/catalog-versions/${draft.id}/items`, {
      category: 'encouraged',
      industryCode: '8810',
      keywords: [],
      basis: 'R1.2-supporting',
      note: '文艺创作：配套服务',
    });
    expect(added.statusCode).toBe(201);
    const car = draft.items.find((i: { industryCode: string }) => i.industryCode === '361');
    const changed = await send('PUT', `/catalog-versions/${draft.id}/items/${car.id}`, {
      ...car,
      note: '整车制造（修订）',
      revision: car.revision,
    });
    expect(changed.statusCode).toBe(200);

    const diff = (await get(`/catalog-versions/${draft.id}/diff`)).json();
    expect(diff.added.map((i: { industryCode: string }) => i.industryCode)).toEqual(['8810']);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0].fields).toEqual(['note']);
    expect(diff.problems).toEqual([]);

    const current = (await get(`/catalog-versions/${draft.id}`)).json();
    const published = await send('POST', `/catalog-versions/${draft.id}/publish`, {
      effectiveDate: '2026-12-01',
      revision: current.revision,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().state).toBe('scheduled');

    // Before the effective date the 2018年本 still applies; from it on, the new version.
    expect((await classify('zhenan', '8810')).category).toBe('unlisted');
    expect((await classify('zhenan', '8810', '&date=2026-12-01')).category).toBe('encouraged');
    t.clock.set(new Date('2026-11-30T16:00:00Z')); // 2026-12-01 00:00 in Shanghai
    // Two days later every session has gone idle: sign in again.
    drc = await t.login('drc');
    ojk = await t.login('ojk');
    const after = await classify('zhenan', '8810');
    expect(after).toMatchObject({ category: 'encouraged', catalogVersion: '2026年本' });

    const versions = (await get('/catalogs/zhenan/versions', ojk)).json();
    expect(versions.map((v: { version: string; state: string }) => `${v.version}:${v.state}`)).toEqual([
      '2018年本:superseded',
      '2026年本:in_force',
    ]);
    // Old versions stay readable.
    const old = (await get(`/catalog-versions/${versions[0].id}`, ojk)).json();
    expect(old.items.some((i: { industryCode: string }) => i.industryCode === '8810')).toBe(false);
  });

  it('refuses to publish a catalog that encourages an overcapacity industry (R1.4), directly or through a broader code', async () => {
    const direct = await newDraft('oujiangkou', '船舶试验版');
    const refused = await send('POST', `/catalog-versions/${direct.id}/items`, {
      category: 'encouraged',
      industryCode: '3731',
      keywords: [],
      basis: 'R1.2-leading',
      note: '',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('§一(二)');

    const broad = await newDraft('hitech', '宽口径试验版');
    const ships = broad.items.filter((i: { industryCode: string }) => /^373[1-6]$/.test(i.industryCode));
    for (const item of ships)
      expect(
        (await send('DELETE', `/catalog-versions/${broad.id}/items/${item.id}?revision=${item.revision}`)).statusCode,
      ).toBe(204);
    expect(
      (
        await send('POST', `/catalog-versions/${broad.id}/items`, {
          category: 'encouraged',
          industryCode: '373',
          keywords: [],
          basis: 'R1.2-emerging',
          note: '',
        })
      ).statusCode,
    ).toBe(201);
    const diff = (await get(`/catalog-versions/${broad.id}/diff`)).json();
    expect(diff.problems.length).toBeGreaterThan(0);
    const revision = (await get(`/catalog-versions/${broad.id}`)).json().revision;
    const publish = await send('POST', `/catalog-versions/${broad.id}/publish`, {
      effectiveDate: '2027-01-01',
      revision,
    });
    expect(publish.statusCode).toBe(422);
    expect(publish.json().error.code).toBe('CATALOG_INVALID');
    expect((await get(`/catalog-versions/${broad.id}`)).json().state).toBe('draft');
  });

  it('a stale item revision gets 409; a draft edited after review cannot be published with the old revision', async () => {
    const draft = await newDraft('hitech', '并发试验版');
    const item = draft.items[0];
    const edits = await Promise.all(
      ['甲', '乙', '丙'].map((note) =>
        send('PUT', `/catalog-versions/${draft.id}/items/${item.id}`, { ...item, note, revision: item.revision }),
      ),
    );
    expect(edits.map((e) => e.statusCode).sort()).toEqual([200, 409, 409]);
    const publish = await send('POST', `/catalog-versions/${draft.id}/publish`, {
      effectiveDate: '2027-01-01',
      revision: draft.revision,
    });
    expect(publish.statusCode).toBe(409);
    expect(publish.json().error.code).toBe('STALE_VERSION');
  });

  it('of two concurrent publications of one draft exactly one wins', async () => {
    const draft = await newDraft('oujiangkou', '2027年本');
    const results = await Promise.all(
      [0, 1, 2].map(() =>
        send('POST', `/catalog-versions/${draft.id}/publish`, {
          effectiveDate: '2027-03-01',
          revision: draft.revision,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });

  it('refuses a duplicate version name with 409 and an effective date before the one in force with 422', async () => {
    expect((await send('POST', '/catalogs/zhenan/versions', { version: '2018年本' })).statusCode).toBe(409);
    const draft = await newDraft('zhenan', '回溯版');
    const early = await send('POST', `/catalog-versions/${draft.id}/publish`, {
      effectiveDate: '2020-01-01',
      revision: draft.revision,
    });
    expect(early.statusCode).toBe(422);
    // Issue #10.6: a date before today is refused before the version in force is even looked at.
    expect(early.json().error.code).toBe('EFFECTIVE_DATE_OUT_OF_RANGE');
  });
});

describe('Excel export and import', () => {
  async function workbookOf(buffer: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    return workbook;
  }
  const upload = (versionId: number, buffer: Buffer) => {
    const boundary = '----pgs-test-boundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="catalog.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
      ),
      buffer,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/catalog-versions/${versionId}/import`,
      headers: { cookie: drc, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  };

  it('exports a version with every item, Chinese headers and class labels', async () => {
    const catalog = (await get('/catalogs/hitech')).json();
    const response = await get(`/catalog-versions/${catalog.id}/export.xlsx`, ojk);
    expect(response.statusCode).toBe(200);
    const sheet = (await workbookOf(response.rawPayload)).getWorksheet('准入目录')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '序号',
      '类别',
      '行业代码',
      '行业名称',
      '关键词',
      '列入依据',
      '备注',
    ]);
    expect(sheet.rowCount).toBe(catalog.items.length + 1);
    expect(['鼓励类', '限制类', '淘汰类']).toContain(sheet.getRow(2).getCell(2).value);
  });

  it('imports a draft all or nothing, reporting every bad row with its column', async () => {
    const draft = await newDraft('hitech', '导入试验版');
    const exported = await get(`/catalog-versions/${draft.id}/export.xlsx`);
    const workbook = await workbookOf(exported.rawPayload);
    const sheet = workbook.getWorksheet('准入目录')!;
    const original = [3, 5, 7].map(
      (row) => [sheet.getRow(row).getCell(2).value, sheet.getRow(row).getCell(3).value] as const,
    );
    sheet.getRow(3).getCell(2).value = '优先类';
    sheet.getRow(5).getCell(3).value = '36a';
    sheet.getRow(7).getCell(3).value = '3619';
    const bad = await upload(draft.id, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('IMPORT_INVALID');
    expect(bad.json().error.details).toEqual([
      expect.objectContaining({ row: 3, column: '类别' }),
      expect.objectContaining({ row: 5, column: '行业代码' }),
      expect.objectContaining({ row: 7, column: '行业代码', message: expect.stringContaining('3619') }),
    ]);
    expect((await get(`/catalog-versions/${draft.id}`)).json().revision).toBe(draft.revision);

    [3, 5, 7].forEach((row, index) => {
      sheet.getRow(row).getCell(2).value = original[index]![0];
      sheet.getRow(row).getCell(3).value = original[index]![1];
    });
    sheet.spliceRows(9, 1);
    const good = await upload(draft.id, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().imported).toBe(draft.items.length - 1);
    const after = (await get(`/catalog-versions/${draft.id}`)).json();
    expect(after.items).toHaveLength(draft.items.length - 1);
    expect(after.revision).toBe(draft.revision + 1);
  });

  it('refuses a file that is not a workbook', async () => {
    const draft = await newDraft('hitech', '坏文件版');
    const response = await upload(draft.id, Buffer.from('not a workbook'));
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details[0].message).toContain('Excel');
  });
});

it('names every audit action this file wrote (for the audit page)', async () => {
  await expectEveryAuditActionNamed(t.database.db);
});
