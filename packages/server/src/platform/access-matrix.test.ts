import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { can, DEFAULT_EVALUATION_SHEET, type Permission, type Role } from '@pgs/domain';
import { createTestApp, DEMO_PASSWORD, TEST_ADMIN_PASSWORD, type TestApp } from '../test/test-app.ts';
import { XLSX_MIME } from './http.ts';
import { creditCodeFor } from '@pgs/domain/enterprise-records/record-builder.test-support';

/**
 * DESIGN.md "Quality bars — Authorisation: a test table of role × route". Every API route, for every demo user
 * (each role, and each of the three platforms) and for a visitor without a session. What is expected comes from
 * `can()` of the role table (packages/domain/src/platform/roles.ts), never from a second hand-written list:
 * allowed → the route's 2xx with a valid request; forbidden → 403 with a Chinese sentence; no session → 401.
 * Drafts are the drc's working papers: a role that cannot edit catalogs gets 404 for one (it is not told it exists).
 */

const USERS = ['leader', 'drc', 'bureau', 'eitc', 'ojk', 'zn', 'gxq', 'auditor', 'admin'] as const;
type User = (typeof USERS)[number];
type Who = User | 'anonymous';
const WHO: readonly Who[] = [...USERS, 'anonymous'];
const ROLE_OF: Record<User, Role> = {
  leader: 'leader',
  drc: 'drc',
  bureau: 'bureau',
  eitc: 'eitc',
  ojk: 'platform',
  zn: 'platform',
  gxq: 'platform',
  auditor: 'auditor',
  admin: 'admin',
};
const passwordOf = (user: User) => (user === 'admin' ? TEST_ADMIN_PASSWORD : DEMO_PASSWORD);
/** Each user's password now: the password row changes it, and no password may come back (#10.10). */
const currentPassword = Object.fromEntries(USERS.map((user) => [user, passwordOf(user)])) as Record<User, string>;
async function signIn(user: User): Promise<string> {
  const response = await inject('POST', '/auth/login', undefined, { username: user, password: currentPassword[user] });
  expect(response.statusCode, response.body).toBe(200);
  return `pgs_session=${response.cookies.find((c) => c.name === 'pgs_session')!.value}`;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Request = {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** a session of its own (logout) */ cookie?: string;
};
type Route = {
  /** Method and path as the OpenAPI document names them (checked against it below). */
  route: string;
  /** Tells two rows of the same route apart (a published version, a draft). */
  variant?: string;
  /** The permission the service checks; `session` = any signed-in user. */
  needs: Permission | 'session';
  ok: 200 | 201 | 204;
  /** What a visitor without any session cookie gets when it is not 401, and the check of that answer. */
  anonymous?: { status: number; check: (response: LightMyRequestResponse) => void };
  /** Reads a draft: roles without catalog.edit get 404. */
  draft?: boolean;
  /** A project of this platform: platform users of the other platforms get 404 (D10). */
  projectOf?: 'zn';
  /** A platform's own figures: platform users of the other platforms get 403. */
  figuresOf?: 'zn';
  request: (who: Who) => Promise<Request>;
  /** Runs after an allowed request: what the answer must hold, and putting back what the request changed. */
  after?: (who: User, response: LightMyRequestResponse) => Promise<void> | void;
};

let t: TestApp;
const cookies = {} as Record<User, string>;
let publishedId: number;
let sharedDraftId: number;
let workbook: Buffer;
const bundledCsv = readFileSync(new URL('../reference/data/gbt4754-2017.csv', import.meta.url), 'utf8');

beforeAll(async () => {
  t = await createTestApp();
  for (const user of USERS) cookies[user] = await t.login(user);
  publishedId = (await get('/catalogs/zhenan', 'drc')).json().id;
  sharedDraftId = (await newDraft('zhenan')).id;
  const exported = await get(`/catalog-versions/${publishedId}/export.xlsx`, 'drc');
  expect(exported.statusCode).toBe(200);
  workbook = exported.rawPayload;
});
afterAll(() => t?.close());

function inject(
  method: Method,
  url: string,
  cookie: string | undefined,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    payload: payload as never,
    headers: { ...(cookie ? { cookie } : {}), ...headers },
  });
}
const get = (url: string, user: User) => inject('GET', url, cookies[user]);

let serial = 0;
async function newDraft(platform = 'zhenan') {
  const response = await inject('POST', `/catalogs/${platform}/versions`, cookies.drc, {
    version: `矩阵草稿${++serial}`,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{
    id: number;
    revision: number;
    items: Array<{
      id: number;
      revision: number;
      category: string;
      industryCode: string;
      keywords: string[];
      basis: string;
      note: string;
    }>;
  }>();
}

async function newUser() {
  const response = await inject('POST', '/users', cookies.admin, {
    username: `target${++serial}`,
    password: 'Target-Pass-2026!',
    displayName: '矩阵目标用户',
    role: 'leader',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number; version: number; username: string }>();
}

function multipart(file: Buffer, fileName = 'catalog.xlsx') {
  const boundary = '----pgs-matrix-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${XLSX_MIME}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const expectXlsx = (_who: User, response: LightMyRequestResponse) => {
  expect(response.headers['content-type']).toBe(XLSX_MIME);
  expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
};

let parcelSerial = 0;
const parcelPayload = (platformKey: string) => ({
  code: `矩阵地块-${++parcelSerial}`,
  platformKey,
  area: '30',
  plannedUse: '工业用地',
  approvedOn: '2024-01-05',
  approvalDocument: '浙土字〔2024〕1号',
  responsiblePerson: '王责任',
});
const SUPPLY = {
  way: 'transfer',
  contractNo: 'HT-2025-1',
  contractDate: '2025-01-10',
  landPrice: '1500',
  holderName: '矩阵用地单位',
  agreedStartOn: '2025-03-01',
  agreedCompletionOn: '2027-03-01',
};

const ROUTES: Route[] = [
  // auth
  {
    route: 'GET /auth/me',
    needs: 'session',
    ok: 200,
    // The login page asks who is signed in: a visitor without a session cookie gets {user:null}, not 401.
    anonymous: {
      status: 200,
      check: (response) => {
        expect(response.json()).toEqual({ user: null });
      },
    },
    request: async () => ({ url: '/auth/me' }),
    after: (who, response) => {
      expect(response.json().user).toMatchObject({ username: who, role: ROLE_OF[who] });
    },
  },
  {
    route: 'POST /auth/logout',
    needs: 'session',
    ok: 204,
    // A session of its own, so the shared one of this user lives on.
    request: async (who) => ({ url: '/auth/logout', cookie: who === 'anonymous' ? undefined : await signIn(who) }),
  },
  {
    route: 'POST /auth/password',
    needs: 'session',
    ok: 204,
    request: async (who) => ({
      url: '/auth/password',
      payload: {
        currentPassword: who === 'anonymous' ? DEMO_PASSWORD : currentPassword[who],
        newPassword: 'Matrix-Pass-2026!',
      },
    }),
    // No password may come back (#10.10): later sign-ins use the new one. This session lives on; the user's others end.
    after: (who) => {
      currentPassword[who] = 'Matrix-Pass-2026!';
    },
  },
  // users
  { route: 'GET /users', needs: 'users.manage', ok: 200, request: async () => ({ url: '/users?page=1&pageSize=20' }) },
  {
    route: 'POST /users',
    needs: 'users.manage',
    ok: 201,
    request: async (who) => ({
      url: '/users',
      payload: {
        username: `new${++serial}-${who}`,
        password: 'Matrix-User-2026!',
        displayName: '矩阵新用户',
        role: 'platform',
        platformKey: 'hitech',
      },
    }),
  },
  {
    route: 'PATCH /users/{id}',
    needs: 'users.manage',
    ok: 200,
    request: async () => {
      const target = await newUser();
      return {
        url: `/users/${target.id}`,
        payload: {
          displayName: '矩阵改名',
          role: 'bureau',
          platformKey: null,
          disabled: false,
          version: target.version,
        },
      };
    },
  },
  {
    route: 'POST /users/{id}/password',
    needs: 'users.manage',
    ok: 204,
    request: async () => ({
      url: `/users/${(await newUser()).id}/password`,
      payload: { password: 'Reset-Pass-2026!' },
    }),
  },
  {
    route: 'POST /users/{id}/unlock',
    needs: 'users.manage',
    ok: 204,
    request: async () => {
      const target = await newUser();
      for (let i = 0; i < 5; i += 1)
        await inject('POST', '/auth/login', undefined, { username: target.username, password: 'Wrong-Pass-2026' });
      return { url: `/users/${target.id}/unlock` };
    },
  },
  {
    route: 'GET /account-changes',
    needs: 'accounts.review',
    ok: 200,
    request: async () => ({ url: '/account-changes?reviewed=all' }),
  },
  {
    route: 'POST /account-changes/{id}/review',
    needs: 'accounts.review',
    ok: 200,
    request: async () => {
      await newUser();
      const changes = await inject('GET', '/account-changes', cookies.auditor);
      return { url: `/account-changes/${changes.json().items[0].id}/review` };
    },
  },
  // audit
  { route: 'GET /audit', needs: 'audit.read', ok: 200, request: async () => ({ url: '/audit?pageSize=5' }) },
  {
    route: 'GET /audit/verify',
    needs: 'audit.read',
    ok: 200,
    request: async () => ({ url: '/audit/verify' }),
    after: (_who, r) => {
      expect(r.json().intact).toBe(true);
    },
  },
  {
    route: 'GET /audit/export.xlsx',
    needs: 'audit.read',
    ok: 200,
    request: async () => ({ url: '/audit/export.xlsx' }),
    after: expectXlsx,
  },
  // reference
  {
    route: 'GET /platforms',
    needs: 'session',
    ok: 200,
    request: async () => ({ url: '/platforms' }),
    after: (_who, r) => {
      expect(r.json()).toHaveLength(3);
    },
  },
  {
    route: 'GET /industries',
    needs: 'industries.read',
    ok: 200,
    request: async () => ({ url: '/industries?q=汽车&pageSize=10' }),
  },
  {
    route: 'GET /industries/{code}',
    needs: 'industries.read',
    ok: 200,
    request: async () => ({ url: '/industries/3612' }),
    after: (_who, r) => {
      expect(r.json().code).toBe('3612');
    },
  },
  {
    route: 'POST /industries/import',
    needs: 'industries.import',
    ok: 200,
    request: async () => ({ url: '/industries/import', payload: bundledCsv, headers: { 'content-type': 'text/csv' } }),
    after: (_who, r) => {
      expect(r.json().imported).toBe(1971);
    },
  },
  // catalog
  { route: 'GET /catalogs', needs: 'catalog.read', ok: 200, request: async () => ({ url: '/catalogs' }) },
  {
    route: 'GET /catalogs/import-template.xlsx',
    needs: 'catalog.edit',
    ok: 200,
    request: async () => ({ url: '/catalogs/import-template.xlsx' }),
    after: expectXlsx,
  },
  {
    route: 'GET /catalogs/{platformKey}',
    needs: 'catalog.read',
    ok: 200,
    request: async () => ({ url: '/catalogs/oujiangkou' }),
  },
  {
    route: 'GET /catalogs/{platformKey}/classify',
    needs: 'catalog.read',
    ok: 200,
    request: async () => ({ url: '/catalogs/zhenan/classify?industryCode=3612' }),
    after: (_who, r) => {
      expect(r.json().category).toBe('encouraged');
    },
  },
  {
    route: 'GET /catalogs/{platformKey}/versions',
    needs: 'catalog.read',
    ok: 200,
    request: async () => ({ url: '/catalogs/zhenan/versions' }),
    // The list holds drafts only for those who may edit catalogs.
    after: (who, r) => {
      expect(r.json().some((v: { state: string }) => v.state === 'draft')).toBe(can(ROLE_OF[who], 'catalog.edit'));
    },
  },
  {
    route: 'POST /catalogs/{platformKey}/versions',
    needs: 'catalog.edit',
    ok: 201,
    request: async (who) => ({ url: '/catalogs/hitech/versions', payload: { version: `新建草稿${++serial}-${who}` } }),
  },
  {
    route: 'GET /catalog-versions/{versionId}',
    variant: '(published)',
    needs: 'catalog.read',
    ok: 200,
    request: async () => ({ url: `/catalog-versions/${publishedId}` }),
  },
  {
    route: 'GET /catalog-versions/{versionId}',
    variant: '(draft)',
    needs: 'catalog.read',
    draft: true,
    ok: 200,
    request: async () => ({ url: `/catalog-versions/${sharedDraftId}` }),
  },
  {
    route: 'DELETE /catalog-versions/{versionId}',
    needs: 'catalog.edit',
    ok: 204,
    request: async () => ({ url: `/catalog-versions/${(await newDraft()).id}` }),
  },
  {
    route: 'POST /catalog-versions/{versionId}/items',
    needs: 'catalog.edit',
    ok: 201,
    request: async () => ({
      url: `/catalog-versions/${(await newDraft()).id}/items`,
      payload: {
        category: 'encouraged',
        industryCode: '8810',
        keywords: [],
        basis: 'R1.2-supporting',
        note: '文艺创作：配套服务',
      },
    }),
  },
  {
    route: 'PUT /catalog-versions/{versionId}/items/{itemId}',
    needs: 'catalog.edit',
    ok: 200,
    request: async () => {
      const draft = await newDraft();
      const { id, revision, category, industryCode, keywords, basis } = draft.items[0]!;
      return {
        url: `/catalog-versions/${draft.id}/items/${id}`,
        payload: { category, industryCode, keywords, basis, note: '矩阵修订', revision },
      };
    },
  },
  {
    route: 'DELETE /catalog-versions/{versionId}/items/{itemId}',
    needs: 'catalog.edit',
    ok: 204,
    request: async () => {
      const draft = await newDraft();
      const item = draft.items[0]!;
      return { url: `/catalog-versions/${draft.id}/items/${item.id}?revision=${item.revision}` };
    },
  },
  {
    route: 'GET /catalog-versions/{versionId}/diff',
    needs: 'catalog.edit',
    ok: 200,
    request: async () => ({ url: `/catalog-versions/${sharedDraftId}/diff` }),
  },
  {
    route: 'POST /catalog-versions/{versionId}/publish',
    needs: 'catalog.edit',
    ok: 200,
    request: async () => {
      const draft = await newDraft('oujiangkou');
      return {
        url: `/catalog-versions/${draft.id}/publish`,
        payload: { effectiveDate: '2026-12-01', revision: draft.revision },
      };
    },
    after: (_who, r) => {
      expect(r.json()).toMatchObject({ state: 'scheduled', effectiveDate: '2026-12-01' });
    },
  },
  {
    route: 'GET /catalog-versions/{versionId}/export.xlsx',
    variant: '(published)',
    needs: 'catalog.read',
    ok: 200,
    request: async () => ({ url: `/catalog-versions/${publishedId}/export.xlsx` }),
    after: expectXlsx,
  },
  {
    route: 'GET /catalog-versions/{versionId}/export.xlsx',
    variant: '(draft)',
    needs: 'catalog.read',
    draft: true,
    ok: 200,
    request: async () => ({ url: `/catalog-versions/${sharedDraftId}/export.xlsx` }),
    after: expectXlsx,
  },
  {
    route: 'POST /catalog-versions/{versionId}/import',
    needs: 'catalog.edit',
    ok: 200,
    request: async () => ({ url: `/catalog-versions/${(await newDraft()).id}/import`, ...multipart(workbook) }),
    after: (_who, r) => {
      expect(r.json()).toMatchObject({ imported: expect.any(Number), errors: [] });
    },
  },
  // projects (§二)
  {
    route: 'POST /projects',
    needs: 'projects.report',
    ok: 201,
    request: async (who) => ({ url: '/projects', payload: projectPayload(PLATFORM_OF[who as User] ?? 'zhenan') }),
    after: (who, r) => {
      expect(r.json()).toMatchObject({ platformKey: PLATFORM_OF[who], status: 'reported' });
    },
  },
  { route: 'GET /projects', needs: 'projects.read', ok: 200, request: async () => ({ url: '/projects?pageSize=10' }) },
  {
    route: 'GET /projects/export.xlsx',
    needs: 'projects.read',
    ok: 200,
    request: async () => ({ url: '/projects/export.xlsx?sizeTier=5yi' }),
    after: expectXlsx,
  },
  {
    route: 'GET /projects/{id}',
    needs: 'projects.read',
    projectOf: 'zn',
    ok: 200,
    request: async () => ({ url: `/projects/${(await newProject()).id}` }),
  },
  {
    route: 'POST /projects/{id}/transitions',
    needs: 'projects.move',
    projectOf: 'zn',
    ok: 200,
    request: async () => ({
      url: `/projects/${(await newProject()).id}/transitions`,
      payload: { to: 'lost', version: 1, reason: '投资方转投外地' },
    }),
    after: (_who, r) => {
      expect(r.json()).toMatchObject({ status: 'lost', version: 2 });
    },
  },
  {
    // The undo is held to the role that made the move: the bureau undoes its own move, everyone else zn's.
    route: 'POST /projects/{id}/transitions/undo',
    needs: 'projects.move',
    projectOf: 'zn',
    ok: 200,
    request: async (who) => {
      const project = await newProject();
      const moved = await inject(
        'POST',
        `/projects/${project.id}/transitions`,
        who === 'bureau' ? cookies.bureau : cookies.zn,
        { to: 'feasible', version: project.version },
      );
      expect(moved.statusCode, moved.body).toBe(200);
      return { url: `/projects/${project.id}/transitions/undo`, payload: { version: moved.json().version } };
    },
    after: (_who, r) => {
      expect(r.json()).toMatchObject({ status: 'reported' });
    },
  },
  {
    route: 'POST /projects/{id}/evaluation',
    needs: 'projects.move',
    projectOf: 'zn',
    ok: 201,
    request: async () => {
      const project = await newProject('plan_submitted');
      return {
        url: `/projects/${project.id}/evaluation`,
        payload: { scores: FULL_MARKS, opinion: '同意', version: project.version },
      };
    },
    after: (_who, r) => {
      expect(r.json()).toMatchObject({ passes: true, sheetTotal: 100 });
    },
  },
  {
    route: 'POST /projects/{id}/circulations',
    needs: 'projects.circulate',
    ok: 201,
    request: async () => ({
      url: `/projects/${(await newProject()).id}/circulations`,
      payload: { toPlatformKey: 'hitech', firstPlaceShare: 0.4, reason: '用地不足' },
    }),
    after: (_who, r) => {
      expect(r.json()).toMatchObject({ firstPlaceShare: 0.4, hostShare: 0.6 });
    },
  },
  {
    route: 'GET /projects/{id}/evaluations',
    needs: 'projects.read',
    projectOf: 'zn',
    ok: 200,
    request: async () => ({ url: `/projects/${(await newProject()).id}/evaluations` }),
    after: (_who, r) => {
      expect(r.json()).toEqual([]);
    },
  },
  {
    route: 'GET /project-settings',
    needs: 'projects.read',
    ok: 200,
    request: async () => ({ url: '/project-settings' }),
  },
  {
    route: 'PUT /project-settings',
    needs: 'projects.configure',
    ok: 200,
    request: async () => {
      const current = (await inject('GET', '/project-settings', cookies.bureau)).json();
      return {
        url: '/project-settings',
        payload: { negotiationWindowDays: 200, evaluationSheet: current.evaluationSheet, version: current.version },
      };
    },
    after: (_who, r) => {
      expect(r.json()).toMatchObject({ negotiationWindowDays: 200, updatedBy: 'bureau' });
    },
  },
  // enterprises (§三 R3.1, issue #4): each user files one enterprise of its own platform (D10: a platform user only its
  // own; the others file for 浙南), under a credit code of its own, so the rows never touch each other's records.
  ...((): Route[] => {
    const CODES = [
      '91330300000900001X',
      '913303000009000021',
      '913303000009000034',
      '913303000009000047',
      '91330300000900005A',
      '91330300000900006D',
      '91330300000900007G',
      '91330300000900008K',
      '91330300000900009N',
      '91330300000900010U',
    ];
    const DETAIL_CODE = '91330300000900011Y';
    const enterprise = (creditCode: string, platformKey: string) => ({
      creditCode,
      name: '矩阵测试企业有限公司',
      platformKey,
      kind: 'industrial',
      scale: 'above',
      landOwned: '20',
      landLeased: null,
      tax: '300',
      valueAdded: '900',
      revenue: '5000',
      rdExpense: '100',
      employees: 80,
      energyTce: '500',
      emissionsTons: '1',
      electricityKwh: '800000',
      waterTons: '4000',
      producing: true,
    });
    const own = (who: Who) => enterprise(CODES[WHO.indexOf(who)]!, PLATFORM_OF[who as User] ?? 'zhenan');
    /** The template's data sheet with `who`'s own enterprise as its one row. */
    const oneRowWorkbook = async (who: Who) => {
      const [{ default: ExcelJS }, { ENTERPRISE_RECORD_FIELD_LABELS }] = await Promise.all([
        import('exceljs'),
        import('@pgs/domain'),
      ]);
      const record: Record<string, unknown> = { ...own(who), producing: '是' };
      const book = new ExcelJS.Workbook();
      book
        .addWorksheet('企业年度数据')
        .addRows([
          Object.values(ENTERPRISE_RECORD_FIELD_LABELS),
          Object.keys(ENTERPRISE_RECORD_FIELD_LABELS).map((field) => record[field] ?? null),
        ]);
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    return [
      {
        route: 'POST /enterprise-records',
        needs: 'enterprises.import',
        ok: 201,
        request: async (who) => ({ url: '/enterprise-records', payload: { year: 2025, records: [own(who)] } }),
        after: (_who, r) => {
          expect(r.json().inserted + r.json().updated).toBe(1);
        },
      },
      {
        route: 'GET /enterprise-records/template.xlsx',
        needs: 'enterprises.import',
        ok: 200,
        request: async () => ({ url: '/enterprise-records/template.xlsx' }),
        after: expectXlsx,
      },
      {
        route: 'POST /enterprise-records/import',
        needs: 'enterprises.import',
        ok: 200,
        request: async (who) => ({
          url: '/enterprise-records/import?year=2024&dryRun=true',
          ...multipart(await oneRowWorkbook(who), 'enterprises.xlsx'),
        }),
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ dryRun: true, valid: true, rows: 1, errors: [] });
        },
      },
      {
        // An import's progress is its sender's: whoever may import sends a dry run with a key, then reads it back.
        route: 'GET /enterprise-records/import/progress/{key}',
        needs: 'enterprises.import',
        ok: 200,
        request: async (who) => {
          // A key of each user's own: a key another user already holds is not taken over.
          const key = createHash('md5').update(`import-${who}`).digest('hex');
          if (who !== 'anonymous') {
            const { payload, headers } = multipart(await oneRowWorkbook(who), 'enterprises.xlsx');
            await inject(
              'POST',
              `/enterprise-records/import?year=2024&dryRun=true&progressKey=${key}`,
              cookies[who],
              payload,
              headers,
            );
          }
          return { url: `/enterprise-records/import/progress/${key}` };
        },
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ phase: 'done', rows: 1 });
        },
      },
      {
        route: 'GET /enterprise-records/years',
        needs: 'enterprises.read',
        ok: 200,
        request: async () => ({ url: '/enterprise-records/years' }),
      },
      {
        route: 'GET /enterprises',
        needs: 'enterprises.read',
        ok: 200,
        request: async () => ({ url: '/enterprises?year=2025&subDatabase=low_efficiency&pageSize=10' }),
      },
      {
        route: 'GET /enterprises/export.xlsx',
        needs: 'enterprises.read',
        ok: 200,
        request: async () => ({ url: '/enterprises/export.xlsx?year=2025' }),
        after: expectXlsx,
      },
      {
        route: 'GET /enterprises/{creditCode}',
        needs: 'enterprises.read',
        // A 浙南 enterprise: platform users of the other platforms get 404, as for a project (D10).
        projectOf: 'zn',
        ok: 200,
        request: async () => {
          const filed = await inject('POST', '/enterprise-records', cookies.eitc, {
            year: 2025,
            records: [enterprise(DETAIL_CODE, 'zhenan')],
          });
          expect(filed.statusCode, filed.body).toBe(201);
          return { url: `/enterprises/${DETAIL_CODE}` };
        },
        after: (_who, r) => {
          expect(r.json()).toMatchObject({
            creditCode: DETAIL_CODE,
            records: [expect.objectContaining({ year: 2025 })],
          });
        },
      },
    ];
  })(),
  {
    route: 'GET /platforms/{platformKey}/investment-summary',
    needs: 'projects.read',
    figuresOf: 'zn',
    ok: 200,
    request: async () => ({ url: '/platforms/zhenan/investment-summary?year=2026' }),
  },
  {
    route: 'GET /platforms/{platformKey}/investment-summary.xlsx',
    needs: 'projects.read',
    figuresOf: 'zn',
    ok: 200,
    request: async () => ({ url: '/platforms/zhenan/investment-summary.xlsx?year=2026' }),
    after: expectXlsx,
  },
  // evaluations (§三 R3.2–R3.4, D17): records of 2030 (a published run every reader may see) and of 2031 (drafts to
  // run and publish), filed once by the eitc; years no other row uses, so the rows never touch each other's data.
  ...((): Route[] => {
    const RECORDS = [
      ['91330300000009001P', 'zhenan', '300'],
      ['91330300000009002T', 'zhenan', '40'],
      ['91330300000009003X', 'hitech', '500'],
      ['913303000000090041', null, '5'],
    ].map(([creditCode, platformKey, tax]) => ({
      creditCode,
      name: '矩阵评价企业有限公司',
      platformKey,
      kind: 'industrial',
      scale: 'above',
      landOwned: '10',
      landLeased: null,
      tax,
      valueAdded: '900',
      revenue: '5000',
      rdExpense: '100',
      employees: 80,
      energyTce: '500',
      emissionsTons: '1',
      electricityKwh: '800000',
      waterTons: '4000',
      producing: true,
    }));
    let fixture: Promise<number> | undefined;
    /** The id of the published 2030 run. */
    const published = () =>
      (fixture ??= (async () => {
        for (const year of [2030, 2031]) {
          const filed = await inject('POST', '/enterprise-records', cookies.eitc, { year, records: RECORDS });
          expect(filed.statusCode, filed.body).toBe(201);
        }
        const run = await inject('POST', '/evaluations', cookies.eitc, { year: 2030 });
        expect(run.statusCode, run.body).toBe(201);
        expect((await inject('POST', `/evaluations/${run.json().id}/publish`, cookies.eitc)).statusCode).toBe(200);
        return run.json().id as number;
      })());
    const read = (path: string, extra: Partial<Route> = {}): Route => ({
      route: `GET /evaluations/{id}${path}`,
      needs: 'evaluations.read',
      ok: 200,
      request: async () => ({ url: `/evaluations/${await published()}${path}` }),
      ...(path.endsWith('.xlsx') ? { after: expectXlsx } : {}),
      ...extra,
    });
    return [
      {
        route: 'GET /evaluation-methods/{year}',
        needs: 'evaluations.read',
        ok: 200,
        request: async () => ({ url: '/evaluation-methods/2031' }),
      },
      {
        route: 'PUT /evaluation-methods/{year}',
        needs: 'evaluations.manage',
        ok: 200,
        request: async () => {
          const current = (await inject('GET', '/evaluation-methods/2032', cookies.eitc)).json();
          return {
            url: '/evaluation-methods/2032',
            payload: {
              method: current.method,
              measures: current.measures,
              rectification: current.rectification,
              version: current.version,
            },
          };
        },
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ isDefault: false, updatedBy: 'eitc' });
        },
      },
      {
        route: 'POST /evaluations',
        needs: 'evaluations.manage',
        ok: 201,
        request: async () => (await published(), { url: '/evaluations', payload: { year: 2031 } }),
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ year: 2031, status: 'draft', total: 4 });
        },
      },
      {
        // A run's progress is its starter's: the eitc starts one with a key, then reads it back.
        route: 'GET /evaluations/progress/{key}',
        needs: 'evaluations.manage',
        ok: 200,
        request: async () => {
          await published();
          const key = '0123456789abcdef0123456789abcdef';
          expect(
            (await inject('POST', '/evaluations', cookies.eitc, { year: 2031, progressKey: key })).statusCode,
          ).toBe(201);
          return { url: `/evaluations/progress/${key}` };
        },
        after: (_who, r) => {
          expect(r.json()).toEqual({ phase: 'done', done: 4, total: 4 });
        },
      },
      {
        route: 'GET /evaluations',
        needs: 'evaluations.read',
        ok: 200,
        request: async () => (await published(), { url: '/evaluations?year=2030' }),
        after: (_who, r) => {
          expect(r.json().total).toBe(1);
        },
      },
      {
        route: 'POST /evaluations/simulate',
        needs: 'evaluations.manage',
        ok: 200,
        request: async () => (
          await published(),
          {
            url: '/evaluations/simulate',
            payload: {
              year: 2030,
              method: (await inject('GET', '/evaluation-methods/2030', cookies.eitc)).json().method,
            },
          }
        ),
        after: (_who, r) => {
          expect(r.json().changed).toBe(0);
        },
      },
      read(''),
      // A platform reads its own enterprises only: 浙南 2, 高新区 1, 瓯江口 none; the others all 4.
      read('/results', {
        after: (who, r) => {
          expect(r.json().total).toBe(({ zn: 2, gxq: 1, ojk: 0 } as Partial<Record<User, number>>)[who] ?? 4);
        },
      }),
      // Another platform's results: platform users of the other platforms get 403 (D17).
      {
        ...read('/results'),
        variant: '(浙南)',
        figuresOf: 'zn',
        request: async () => ({ url: `/evaluations/${await published()}/results?platformKey=zhenan` }),
      },
      read('/results/export.xlsx'),
      read('/measures'),
      read('/measures/export.xlsx'),
      read('/rectification'),
      read('/rectification/export.xlsx'),
      {
        route: 'POST /evaluations/{id}/publish',
        needs: 'evaluations.manage',
        ok: 200,
        request: async () => {
          await published();
          const draft = await inject('POST', '/evaluations', cookies.eitc, { year: 2031 });
          expect(draft.statusCode, draft.body).toBe(201);
          return { url: `/evaluations/${draft.json().id}/publish` };
        },
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ status: 'published', year: 2031 });
        },
      },
    ];
  })(),
  // land (§三 R3.1, R3.6, issue #12): a 浙南 parcel in the state each move needs, made by the eitc for the row.
  ...((): Route[] => {
    const zn = (who: Who) => PLATFORM_OF[who as User] ?? 'zhenan';
    const move = async (id: number, version: number, path: string, payload: object) => {
      const response = await inject('POST', `/parcels/${id}/${path}`, cookies.eitc, { ...payload, version });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ id: number; version: number }>();
    };
    const parcelIn = async (state: 'approved' | 'supplied' | 'started' | 'vacated') => {
      const created = await inject('POST', '/parcels', cookies.eitc, parcelPayload('zhenan'));
      expect(created.statusCode, created.body).toBe(201);
      let p = created.json<{ id: number; version: number }>();
      if (state === 'approved') return p;
      p = await move(p.id, p.version, 'supply', SUPPLY);
      if (state === 'supplied') return p;
      p = await move(p.id, p.version, 'start', { startedOn: '2025-05-01' });
      if (state === 'started') return p;
      return move(p.id, p.version, 'vacate', {
        vacatedOn: '2025-06-01',
        fromEnterpriseName: '矩阵企业',
        reason: 'relocation',
      });
    };
    const moveRow = (
      path: string,
      from: 'approved' | 'supplied' | 'started' | 'vacated',
      body: object,
      needs: Permission = 'parcels.edit',
    ): Route => ({
      route: `POST /parcels/{id}/${path}`,
      needs,
      ok: 200,
      projectOf: 'zn',
      request: async () => {
        const p = await parcelIn(from);
        return { url: `/parcels/${p.id}/${path}`, payload: { ...body, version: p.version } };
      },
    });
    return [
      {
        route: 'POST /parcels',
        needs: 'parcels.edit',
        ok: 201,
        request: async (who) => ({ url: '/parcels', payload: parcelPayload(zn(who)) }),
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ state: 'approved', version: 1 });
        },
      },
      {
        route: 'GET /parcels',
        needs: 'parcels.read',
        ok: 200,
        request: async () => ({ url: '/parcels?subDatabase=approved_not_supplied' }),
      },
      {
        route: 'GET /parcels/export.xlsx',
        needs: 'parcels.read',
        ok: 200,
        request: async () => ({ url: '/parcels/export.xlsx' }),
        after: expectXlsx,
      },
      {
        route: 'GET /parcels/import/template.xlsx',
        needs: 'parcels.edit',
        ok: 200,
        request: async () => ({ url: '/parcels/import/template.xlsx' }),
        after: expectXlsx,
      },
      {
        // A dry run of the template itself (its example row): answered 200 with the row's verdict, nothing written.
        route: 'POST /parcels/import',
        needs: 'parcels.edit',
        ok: 200,
        request: async () => {
          const template = await inject('GET', '/parcels/import/template.xlsx', cookies.eitc);
          return { url: '/parcels/import?dryRun=true', ...multipart(template.rawPayload, 'parcels.xlsx') };
        },
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ dryRun: true, rows: 1, inserted: 0 });
        },
      },
      { route: 'GET /parcels/due', needs: 'parcels.read', ok: 200, request: async () => ({ url: '/parcels/due' }) },
      {
        route: 'GET /parcels/due/export.xlsx',
        needs: 'parcels.read',
        ok: 200,
        request: async () => ({ url: '/parcels/due/export.xlsx' }),
        after: expectXlsx,
      },
      {
        route: 'GET /parcels/{id}',
        needs: 'parcels.read',
        ok: 200,
        projectOf: 'zn',
        request: async () => ({ url: `/parcels/${(await parcelIn('approved')).id}` }),
      },
      {
        route: 'GET /parcels/{id}/clock',
        needs: 'parcels.read',
        ok: 200,
        projectOf: 'zn',
        request: async () => ({ url: `/parcels/${(await parcelIn('supplied')).id}/clock?asOf=2026-06-01` }),
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ status: 'idle' });
        },
      },
      moveRow('supply', 'approved', SUPPLY),
      moveRow('start', 'supplied', { startedOn: '2025-05-01' }),
      moveRow('progress', 'started', { reportedOn: '2025-06-01', developedArea: '1', suspendedSince: '2025-05-20' }),
      moveRow('complete', 'started', { completedOn: '2025-06-01' }),
      moveRow('delays', 'supplied', {
        cause: 'government',
        reason: '规划调整',
        fromOn: '2025-05-01',
        toOn: '2025-06-30',
      }),
      moveRow('vacate', 'started', { vacatedOn: '2025-06-01', fromEnterpriseName: '矩阵企业', reason: 'zombie_exit' }),
      moveRow('reuse', 'vacated', { way: 'merger', reusedOn: '2025-07-01', newHolderName: '矩阵新企业' }),
      moveRow('recover', 'supplied', { recoveredOn: '2025-06-01', decisionNo: '温政收〔2025〕1号' }),
      moveRow('publish', 'approved', { public: true, contact: '0577-88888888' }, 'parcels.publish'),
      { route: 'GET /land-settings', needs: 'parcels.read', ok: 200, request: async () => ({ url: '/land-settings' }) },
      {
        route: 'PUT /land-settings',
        needs: 'parcels.configure',
        ok: 200,
        request: async () => {
          const {
            version,
            updatedAt: _a,
            updatedBy: _b,
            ...values
          } = (await inject('GET', '/land-settings', cookies.eitc)).json();
          return { url: '/land-settings', payload: { ...values, dueWithinDays: 30, version } };
        },
      },
      {
        route: 'GET /projects/{id}/parcel-matches',
        needs: 'parcels.read',
        ok: 200,
        projectOf: 'zn',
        request: async () => ({ url: `/projects/${(await newProject()).id}/parcel-matches` }),
      },
    ];
  })(),
  // renewal cases (§三(二) R3.5, R1.6; issue #12): the eitc files one 浙南 enterprise and each platform one of its own;
  // every allowed request works on a fresh case (a plan year of its own), so the rows never touch each other.
  ...((): Route[] => {
    const platformOf = (who: Who) => PLATFORM_OF[who as User] ?? 'zhenan';
    const codeOf = (platformKey: string) =>
      creditCodeFor(9_200_000 + ['zhenan', 'oujiangkou', 'hitech'].indexOf(platformKey));
    let filed = false;
    let planYear = 2000;
    const fileEnterprises = async () => {
      if (filed) return;
      const records = ['zhenan', 'oujiangkou', 'hitech'].map((platformKey) => ({
        creditCode: codeOf(platformKey),
        name: '矩阵更新测试企业有限公司',
        platformKey,
        kind: 'industrial',
        scale: 'above',
        landOwned: '20',
        landLeased: null,
        tax: '300',
        valueAdded: '900',
        revenue: '5000',
        rdExpense: '100',
        employees: 80,
        energyTce: '500',
        emissionsTons: '1',
        electricityKwh: '800000',
        waterTons: '4000',
        producing: true,
        industryCode: '3443',
        backward: true,
        backwardBasis: '矩阵测试',
      }));
      const response = await inject('POST', '/enterprise-records', cookies.eitc, { year: 2039, records });
      expect(response.statusCode, response.body).toBe(201);
      filed = true;
    };
    const caseBody = (platformKey: string) => ({
      creditCode: codeOf(platformKey),
      track: 'elimination',
      department: '矩阵测试处',
      responsiblePerson: '矩阵',
      deadline: '2026-12-31',
      openedOn: '2026-01-01',
      planYear: ++planYear,
      measure: 'shutdown',
    });
    const newCase = async () => {
      await fileEnterprises();
      const response = await inject('POST', '/renewal-cases', cookies.eitc, caseBody('zhenan'));
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: number }>();
    };
    return [
      {
        route: 'GET /renewal-cases',
        needs: 'renewal.read',
        ok: 200,
        request: async () => ({ url: '/renewal-cases?track=elimination&pageSize=5' }),
      },
      {
        route: 'GET /renewal-cases/export.xlsx',
        needs: 'renewal.read',
        ok: 200,
        request: async () => ({ url: '/renewal-cases/export.xlsx' }),
        after: expectXlsx,
      },
      {
        route: 'POST /renewal-cases',
        needs: 'renewal.manage',
        ok: 201,
        request: async (who) => (
          await fileEnterprises(),
          { url: '/renewal-cases', payload: caseBody(platformOf(who)) }
        ),
        after: (who, r) => {
          expect(r.json()).toMatchObject({ platformKey: platformOf(who), status: 'planned' });
        },
      },
      {
        route: 'GET /renewal-cases/overdue',
        needs: 'renewal.read',
        ok: 200,
        request: async () => ({ url: '/renewal-cases/overdue?asOf=2027-01-01' }),
      },
      {
        route: 'GET /renewal-cases/candidates',
        needs: 'renewal.read',
        ok: 200,
        request: async () => (await fileEnterprises(), { url: '/renewal-cases/candidates?year=2039' }),
      },
      {
        route: 'GET /renewal-cases/catalog-consequences',
        needs: 'renewal.read',
        projectOf: 'zn',
        ok: 200,
        request: async () => ({ url: '/renewal-cases/catalog-consequences?platformKey=zhenan' }),
      },
      {
        route: 'GET /renewal-cases/{id}',
        needs: 'renewal.read',
        projectOf: 'zn',
        ok: 200,
        request: async () => ({ url: `/renewal-cases/${(await newCase()).id}` }),
      },
      {
        route: 'POST /renewal-cases/{id}/steps',
        needs: 'renewal.manage',
        projectOf: 'zn',
        ok: 200,
        request: async () => ({
          url: `/renewal-cases/${(await newCase()).id}/steps`,
          payload: { step: 'implementing', date: '2026-02-01', version: 1 },
        }),
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ status: 'in_progress', version: 2 });
        },
      },
      {
        route: 'POST /renewal-cases/{id}/close',
        needs: 'renewal.withdraw',
        projectOf: 'zn',
        ok: 200,
        request: async () => ({
          url: `/renewal-cases/${(await newCase()).id}/close`,
          payload: { reason: '矩阵测试撤销', version: 1 },
        }),
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ status: 'withdrawn' });
        },
      },
      {
        route: 'GET /industry-profiles/{platformKey}',
        needs: 'enterprises.read',
        projectOf: 'zn',
        ok: 200,
        request: async () => ({ url: '/industry-profiles/zhenan' }),
      },
      {
        route: 'GET /industry-profiles/{platformKey}/export.xlsx',
        needs: 'enterprises.read',
        projectOf: 'zn',
        ok: 200,
        request: async () => ({ url: '/industry-profiles/zhenan/export.xlsx' }),
        after: expectXlsx,
      },
      {
        route: 'GET /industry-profiles/{platformKey}/enterprises',
        needs: 'enterprises.read',
        projectOf: 'zn',
        ok: 200,
        request: async () => ({ url: '/industry-profiles/zhenan/enterprises?by=total' }),
      },
    ];
  })(),
  // §四 the platforms' assessment (R4.2–R4.3): the drc runs, publishes and records interviews; every business role
  // reads published assessments; the drc and the platforms keep key projects' milestones (a platform its own).
  ...((): Route[] => {
    let fixture: Promise<number> | undefined;
    /** A published assessment of 2020 (years before the test day: an assessment day is never in the future). */
    const published = () =>
      (fixture ??= (async () => {
        const run = await inject('POST', '/assessments', cookies.drc, { year: 2020, asOf: '2020-12-31' });
        expect(run.statusCode, run.body).toBe(201);
        expect((await inject('POST', `/assessments/${run.json().id}/publish`, cookies.drc)).statusCode).toBe(200);
        return run.json().id as number;
      })());
    let trackedProject: Promise<{ id: number }> | undefined;
    /** A 浙南 project confirmed into the tracking library: a key project (§四(三)). */
    const keyProject = () =>
      (trackedProject ??= (async () => {
        const project = await newProject('plan_submitted');
        const evaluated = await inject('POST', `/projects/${project.id}/evaluation`, cookies.zn, {
          scores: FULL_MARKS,
          opinion: '同意',
          version: project.version,
        });
        expect(evaluated.statusCode, evaluated.body).toBe(201);
        let version = evaluated.json().projectVersion as number;
        for (const [to, user] of [
          ['evaluated', 'zn'],
          ['tracked', 'bureau'],
        ] as const) {
          const moved = await inject('POST', `/projects/${project.id}/transitions`, cookies[user], { to, version });
          expect(moved.statusCode, moved.body).toBe(200);
          version = moved.json().version;
        }
        return { id: project.id };
      })());
    const interview = {
      platformKey: 'hitech',
      year: 2020,
      reason: '考核末位',
      heldOn: '2021-02-01',
      participants: '市发改委、高新区管委会',
      minutes: '说明原因并提出整改措施。',
      followUpDeadline: '2021-06-30',
    };
    return [
      {
        route: 'GET /assessment-rubrics/{year}',
        needs: 'assessment.read',
        ok: 200,
        request: async () => ({ url: '/assessment-rubrics/2021' }),
      },
      {
        route: 'PUT /assessment-rubrics/{year}',
        needs: 'assessment.manage',
        ok: 200,
        request: async () => {
          const current = (await inject('GET', '/assessment-rubrics/2022', cookies.drc)).json();
          return { url: '/assessment-rubrics/2022', payload: { rubric: current.rubric, version: current.version } };
        },
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ isDefault: false, updatedBy: 'drc' });
        },
      },
      {
        route: 'POST /assessments',
        needs: 'assessment.manage',
        ok: 201,
        request: async () => ({ url: '/assessments', payload: { year: 2021, asOf: '2021-12-31' } }),
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ year: 2021, status: 'draft' });
        },
      },
      {
        route: 'GET /assessments',
        needs: 'assessment.read',
        ok: 200,
        request: async () => (await published(), { url: '/assessments?year=2020' }),
        after: (_who, r) => {
          expect(r.json().total).toBe(1);
        },
      },
      {
        route: 'GET /assessments/{id}',
        needs: 'assessment.read',
        ok: 200,
        request: async () => ({ url: `/assessments/${await published()}` }),
        after: (_who, r) => {
          expect(r.json().platforms).toHaveLength(3);
        },
      },
      {
        route: 'GET /assessments/{id}/figures/{source}/rows',
        needs: 'assessment.read',
        ok: 200,
        figuresOf: 'zn',
        request: async () => ({
          url: `/assessments/${await published()}/figures/land_cleanup/rows?platformKey=zhenan`,
        }),
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ page: 1, total: expect.any(Number) });
        },
      },
      {
        route: 'GET /assessments/{id}/figures/{source}/rows.xlsx',
        needs: 'assessment.read',
        ok: 200,
        figuresOf: 'zn',
        request: async () => ({
          url: `/assessments/${await published()}/figures/land_cleanup/rows.xlsx?platformKey=zhenan`,
        }),
        after: expectXlsx,
      },
      {
        route: 'GET /assessments/{id}/circular.docx',
        needs: 'assessment.read',
        ok: 200,
        request: async () => ({ url: `/assessments/${await published()}/circular.docx` }),
        after: (_who, r) => {
          expect(r.headers['content-type']).toContain('wordprocessingml');
        },
      },
      {
        route: 'GET /assessments/{id}/scores.xlsx',
        needs: 'assessment.read',
        ok: 200,
        request: async () => ({ url: `/assessments/${await published()}/scores.xlsx` }),
        after: expectXlsx,
      },
      {
        route: 'POST /assessments/{id}/publish',
        needs: 'assessment.manage',
        ok: 200,
        request: async () => {
          const draft = await inject('POST', '/assessments', cookies.drc, { year: 2023, asOf: '2023-12-31' });
          expect(draft.statusCode, draft.body).toBe(201);
          return { url: `/assessments/${draft.json().id}/publish` };
        },
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ status: 'published', year: 2023 });
        },
      },
      {
        route: 'GET /assessment-interviews',
        needs: 'assessment.read',
        ok: 200,
        request: async () => ({ url: '/assessment-interviews' }),
      },
      {
        route: 'GET /assessment-interviews/export.xlsx',
        needs: 'assessment.read',
        ok: 200,
        request: async () => ({ url: '/assessment-interviews/export.xlsx' }),
        after: expectXlsx,
      },
      {
        route: 'POST /assessment-interviews',
        needs: 'assessment.manage',
        ok: 201,
        request: async () => ({ url: '/assessment-interviews', payload: interview }),
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ platformKey: 'hitech', year: 2020 });
        },
      },
      {
        route: 'GET /assessment-milestones',
        needs: 'assessment.read',
        ok: 200,
        request: async () => ({ url: '/assessment-milestones?year=2026&quarter=4' }),
      },
      {
        route: 'GET /assessment-milestones/export.xlsx',
        needs: 'assessment.read',
        ok: 200,
        request: async () => ({ url: '/assessment-milestones/export.xlsx?year=2026&quarter=4' }),
        after: expectXlsx,
      },
      {
        route: 'PUT /assessment-milestones/{projectId}',
        needs: 'assessment.milestones',
        projectOf: 'zn',
        ok: 200,
        request: async () => {
          const { id } = await keyProject();
          const list = await inject('GET', '/assessment-milestones?year=2026&quarter=4', cookies.drc);
          const current = list.json().items.find((p: { projectId: number }) => p.projectId === id);
          return {
            url: `/assessment-milestones/${id}`,
            payload: {
              responsibleUnit: '浙南管委会招商局',
              milestones: [{ kind: 'signing', planned: '2026-12-31', actual: null }],
              version: current.version,
            },
          };
        },
        after: (_who, r) => {
          expect(r.json().milestones[0]).toMatchObject({ kind: 'signing', planned: '2026-12-31' });
        },
      },
    ];
  })(),
  // key tasks (R4.4): the drc keeps the list; a platform reports its own part, the lead department the whole.
  ...((): Route[] => {
    const task = async (leadDepartment = 'drc') => {
      const response = await inject('POST', '/key-tasks', cookies.drc, {
        year: 2026,
        title: `矩阵重点任务${++serial}`,
        leadDepartment,
        platformKeys: ['zhenan'],
        deadline: '2026-12-31',
        target: '10',
        unit: '个',
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: number; version: number }>();
    };
    return [
      {
        route: 'GET /key-tasks',
        needs: 'keyTasks.read',
        ok: 200,
        request: async () => ({ url: '/key-tasks?year=2026' }),
      },
      {
        route: 'GET /key-tasks/export.xlsx',
        needs: 'keyTasks.read',
        ok: 200,
        request: async () => ({ url: '/key-tasks/export.xlsx?year=2026' }),
        after: expectXlsx,
      },
      {
        route: 'GET /key-tasks/template.xlsx',
        needs: 'keyTasks.edit',
        ok: 200,
        request: async () => ({ url: '/key-tasks/template.xlsx?year=2026' }),
        after: expectXlsx,
      },
      {
        route: 'POST /key-tasks/import',
        needs: 'keyTasks.edit',
        ok: 200,
        request: async () => ({ url: '/key-tasks/import?year=2026&dryRun=true', ...multipart(workbook, 'tasks.xlsx') }),
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ dryRun: true, created: 0 });
        },
      },
      // 驾驶舱 (issue #14): a platform gets its own column, so it is allowed like the departments.
      {
        route: 'GET /cockpit',
        needs: 'cockpit.read',
        ok: 200,
        request: async () => ({ url: '/cockpit?year=2026' }),
      },
      {
        route: 'GET /cockpit/export.xlsx',
        needs: 'cockpit.read',
        ok: 200,
        request: async () => ({ url: '/cockpit/export.xlsx?year=2026' }),
        after: (_who, r) => {
          expect(r.headers['content-type']).toBe(XLSX_MIME);
        },
      },
      {
        route: 'GET /key-tasks/completion',
        needs: 'keyTasks.read',
        ok: 200,
        request: async () => ({ url: '/key-tasks/completion?year=2026' }),
      },
      {
        route: 'POST /key-tasks',
        needs: 'keyTasks.edit',
        ok: 201,
        request: async () => ({
          url: '/key-tasks',
          payload: {
            year: 2026,
            title: '矩阵新增任务',
            leadDepartment: 'eitc',
            platformKeys: [],
            deadline: '2026-12-31',
            target: 1,
            unit: '项',
          },
        }),
      },
      {
        route: 'GET /key-tasks/{id}',
        needs: 'keyTasks.read',
        ok: 200,
        projectOf: 'zn',
        request: async () => ({ url: `/key-tasks/${(await task()).id}` }),
      },
      {
        route: 'PUT /key-tasks/{id}',
        needs: 'keyTasks.edit',
        ok: 200,
        request: async () => {
          const { id, version } = await task();
          return {
            url: `/key-tasks/${id}`,
            payload: {
              year: 2026,
              title: '矩阵改后任务',
              leadDepartment: 'drc',
              platformKeys: ['zhenan'],
              deadline: '2026-12-31',
              target: '12',
              unit: '个',
              version,
            },
          };
        },
      },
      {
        route: 'DELETE /key-tasks/{id}',
        needs: 'keyTasks.edit',
        ok: 204,
        request: async () => {
          const { id, version } = await task();
          return { url: `/key-tasks/${id}?version=${version}` };
        },
      },
      {
        route: 'POST /key-tasks/{id}/progress',
        needs: 'keyTasks.report',
        ok: 200,
        projectOf: 'zn',
        // Each department reports on a task it leads; a platform on its own part of a 浙南 task.
        request: async (who) => ({
          url: `/key-tasks/${(await task(['bureau', 'eitc'].includes(who) ? who : 'drc')).id}/progress`,
          payload: { month: '2026-11', platformKey: 'zhenan', value: '3', version: 0 },
        }),
      },
    ];
  })(),
  // public notice of results (R3.2 公示): the eitc puts a published evaluation on notice and answers objections.
  ...((): Route[] => {
    const records = (n: number) =>
      ['91330300000009001P', '91330300000009002T'].map((creditCode, i) => ({
        creditCode,
        name: `矩阵公示企业${n}${i}`,
        platformKey: 'zhenan',
        kind: 'industrial',
        scale: 'above',
        landOwned: '10',
        landLeased: null,
        tax: String(100 * (i + 1)),
        valueAdded: '900',
        revenue: '5000',
        rdExpense: '100',
        employees: 80,
        energyTce: '500',
        emissionsTons: '1',
        electricityKwh: '800000',
        waterTons: '4000',
        producing: true,
      }));
    const publishedRun = async (year: number) => {
      expect(
        (await inject('POST', '/enterprise-records', cookies.eitc, { year, records: records(year) })).statusCode,
      ).toBe(201);
      const run = await inject('POST', '/evaluations', cookies.eitc, { year });
      expect(run.statusCode, run.body).toBe(201);
      expect((await inject('POST', `/evaluations/${run.json().id}/publish`, cookies.eitc)).statusCode).toBe(200);
      return run.json().id as number;
    };
    let fixture: Promise<{ noticeId: number; objectionId: number }> | undefined;
    const notice = () =>
      (fixture ??= (async () => {
        const created = await inject('POST', '/notices', cookies.eitc, {
          kind: 'mu_evaluation',
          subjectId: await publishedRun(2034),
        });
        expect(created.statusCode, created.body).toBe(201);
        return { noticeId: created.json().id, objectionId: await lodge(created.json().id) };
      })());
    const lodge = async (noticeId: number) => {
      const response = await inject('POST', `/public/notices/${noticeId}/objections`, undefined, {
        creditCode: '91330300000009001P',
        contact: '矩阵 13800000000',
        reason: '矩阵异议',
      });
      expect(response.statusCode, response.body).toBe(201);
      const detail = await inject('GET', `/notices/${noticeId}`, cookies.eitc);
      return detail.json().objectionList.at(-1).id as number;
    };
    let secondRun: Promise<number> | undefined;
    let assessmentOnNotice: Promise<number> | undefined;
    const publishedAssessment = async (year: number) => {
      const run = await inject('POST', '/assessments', cookies.drc, { year, asOf: `${year}-12-31` });
      expect(run.statusCode, run.body).toBe(201);
      expect((await inject('POST', `/assessments/${run.json().id}/publish`, cookies.drc)).statusCode).toBe(200);
      return run.json().id as number;
    };
    return [
      {
        // notices.manage (eitc, drc) and the kind's own permission: a mu-evaluation needs evaluations.manage (eitc).
        route: 'POST /notices',
        needs: 'evaluations.manage',
        ok: 201,
        request: async () => ({
          url: '/notices',
          payload: { kind: 'mu_evaluation', subjectId: await (secondRun ??= publishedRun(2035)) },
        }),
      },
      {
        // The platforms' assessment needs assessment.manage (the drc).
        route: 'POST /notices',
        variant: 'platform_assessment',
        needs: 'assessment.manage',
        ok: 201,
        request: async () => ({
          url: '/notices',
          payload: { kind: 'platform_assessment', subjectId: await (assessmentOnNotice ??= publishedAssessment(2019)) },
        }),
      },
      {
        route: 'GET /notices',
        needs: 'notices.read',
        ok: 200,
        request: async () => (await notice(), { url: '/notices' }),
      },
      {
        route: 'GET /notices/{id}',
        needs: 'notices.read',
        ok: 200,
        request: async () => ({ url: `/notices/${(await notice()).noticeId}` }),
      },
      {
        route: 'GET /notices/{id}/objections.xlsx',
        needs: 'notices.read',
        ok: 200,
        request: async () => ({ url: `/notices/${(await notice()).noticeId}/objections.xlsx` }),
        after: expectXlsx,
      },
      {
        route: 'POST /notices/{id}/objections/{objectionId}/answer',
        // A mu-evaluation's notice: answered by the eitc (notices.manage and evaluations.manage).
        needs: 'evaluations.manage',
        ok: 200,
        // Only the eitc's request is answered: it gets an objection of its own (the others are refused first).
        request: async (who) => {
          const { noticeId, objectionId } = await notice();
          const id = who === 'eitc' ? await lodge(noticeId) : objectionId;
          return { url: `/notices/${noticeId}/objections/${id}/answer`, payload: { answer: '矩阵答复', version: 1 } };
        },
      },
    ];
  })(),
  // targets (§二(四)–(五), issue #13): each writer files into its own platform (the city-wide roles into 浙南), in
  // quarters of its own (years 2040+ by the user's index), so the rows never touch each other's quarters.
  ...((): Route[] => {
    const own = (who: Who) => PLATFORM_OF[who as User] ?? 'zhenan';
    const index = (who: Who) => WHO.indexOf(who);
    const target = (platformKey: string, quarter: string) => ({
      platformKey,
      quarter,
      name: `矩阵目标企业${++serial}`,
      types: ['industry_leader'],
      hqProvince: '广东省',
      hqCity: '深圳市',
      industryCode: '3491',
      expectedInvestment: '60000',
      owner: '张三',
      reason: '矩阵测试',
    });
    const filed = async (platformKey = 'zhenan', quarter = '2039Q1') => {
      const response = await inject('POST', '/targets', cookies.bureau, target(platformKey, quarter));
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: number; version: number; lineageId: number }>();
    };
    const channel = async () => {
      const response = await inject('POST', '/target-channels', cookies.bureau, {
        platformKey: 'zhenan',
        kind: 'consulting',
        name: `矩阵咨询公司${++serial}`,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: number; version: number }>();
    };
    const read = (url: string, extra: Partial<Route> = {}): Route => ({
      route: `GET ${url.split('?')[0]}`,
      needs: 'targets.read',
      ok: 200,
      request: async () => ({ url }),
      ...extra,
    });
    return [
      {
        route: 'POST /targets',
        needs: 'targets.edit',
        ok: 201,
        request: async (who) => ({ url: '/targets', payload: target(own(who), `${2040 + index(who)}Q1`) }),
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ tier: '5亿', status: 'lead', focusRegion: true });
        },
      },
      read('/targets?quarter=2039Q1'),
      read('/targets/export.xlsx?quarter=2039Q1', { after: expectXlsx }),
      read('/targets/divisions'),
      read('/targets/quarters?platformKey=zhenan', { figuresOf: 'zn' }),
      read('/targets/diff?platformKey=zhenan&quarter=2039Q2', { figuresOf: 'zn' }),
      read('/targets/funnel?groupBy=tier'),
      read('/targets/funnel/export.xlsx?groupBy=platform', { after: expectXlsx }),
      read('/targets/map/china'),
      read('/targets/map/wenzhou'),
      read('/target-channels'),
      read('/target-channels/export.xlsx', { after: expectXlsx }),
      {
        route: 'POST /targets/carry-forward',
        needs: 'targets.edit',
        ok: 201,
        request: async (who) => {
          const year = 2060 + index(who);
          if (can(ROLE_OF[who as User] ?? 'leader', 'targets.edit') && who !== 'anonymous')
            await inject('POST', '/targets', cookies[who], target(own(who), `${year}Q1`));
          return { url: '/targets/carry-forward', payload: { platformKey: own(who), quarter: `${year}Q2` } };
        },
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ carried: 1 });
        },
      },
      {
        route: 'POST /targets/close',
        needs: 'targets.edit',
        ok: 200,
        request: async (who) => ({
          url: '/targets/close',
          payload: { platformKey: own(who), quarter: `${2080 + index(who)}Q1` },
        }),
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ closed: true });
        },
      },
      {
        route: 'GET /targets/{id}',
        needs: 'targets.read',
        projectOf: 'zn',
        ok: 200,
        request: async () => ({ url: `/targets/${(await filed()).id}` }),
      },
      {
        route: 'PUT /targets/{id}',
        needs: 'targets.edit',
        projectOf: 'zn',
        ok: 200,
        request: async () => {
          const { id, version } = await filed();
          const { platformKey: _p, quarter: _q, ...fields } = target('zhenan', '2039Q1');
          return { url: `/targets/${id}`, payload: { ...fields, status: 'contact', version } };
        },
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ status: 'contact', version: 2 });
        },
      },
      {
        route: 'POST /targets/{id}/project',
        needs: 'targets.edit',
        projectOf: 'zn',
        ok: 200,
        request: async () => {
          const { id, version } = await filed();
          const project = await newProject();
          return { url: `/targets/${id}/project`, payload: { projectId: project.id, version } };
        },
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ status: 'reported' });
        },
      },
      {
        route: 'POST /target-channels',
        needs: 'targets.edit',
        ok: 201,
        request: async (who) => ({
          url: '/target-channels',
          payload: { platformKey: own(who), kind: 'chamber', name: '上海温州商会', broughtBy: '李四' },
        }),
      },
      {
        route: 'PUT /target-channels/{id}',
        needs: 'targets.edit',
        projectOf: 'zn',
        ok: 200,
        request: async () => {
          const { id, version } = await channel();
          return { url: `/target-channels/${id}`, payload: { kind: 'consulting', name: '矩阵咨询（改）', version } };
        },
      },
      {
        route: 'POST /target-channels/{id}/contracts',
        needs: 'targets.edit',
        projectOf: 'zn',
        ok: 201,
        request: async () => {
          const { id, version } = await channel();
          return {
            url: `/target-channels/${id}/contracts`,
            payload: {
              startOn: '2026-01-01',
              endOn: '2026-12-31',
              scope: '新能源招商',
              feeTerms: '落地后按投资额千分之一',
              version,
            },
          };
        },
        after: (_who, r) => {
          expect(r.json().contracts).toHaveLength(1);
        },
      },
    ];
  })(),
  // trips and staffing (§二(五) R2.8, issue #13) and the holiday calendar: 浙南's roster, trip and attachment are
  // made once by zn (platform users of the other platforms get 404 for them, D10); writes go to the user's own platform.
  ...((): Route[] => {
    const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const platformOf = (who: Who) => PLATFORM_OF[who as User] ?? 'zhenan';
    const cookieOf = (who: Who) => (PLATFORM_OF[who as User] ? cookies[who as User] : cookies.zn);
    const person = async (who: Who) => {
      const made = await inject('POST', `/platforms/${platformOf(who)}/staff`, cookieOf(who), {
        name: `矩阵人员${++serial}`,
        position: '招商科长',
        mainLeader: true,
        takesPartInInvestment: true,
        fromMonth: '2025-01',
      });
      expect(made.statusCode, made.body).toBe(201);
      return made.json<{ id: number; version: number }>();
    };
    const trip = async (who: Who) => {
      const traveller = await person(who);
      const made = await inject('POST', '/trips', cookieOf(who), {
        platformKey: platformOf(who),
        travellerIds: [traveller.id],
        startOn: '2026-11-20',
        endOn: '2026-11-21',
        province: '上海市',
        city: '上海市',
        met: [{ name: '矩阵会见企业有限公司' }],
        outcome: '初步洽谈',
      });
      expect(made.statusCode, made.body).toBe(201);
      return made.json<{ id: number; version: number; attachments: Array<{ id: number }> }>();
    };
    type SharedTrip = { id: number; version: number; attachments: Array<{ id: number }> };
    let znTrip: Promise<SharedTrip> | undefined;
    const sharedTrip = (): Promise<SharedTrip> =>
      (znTrip ??= (async () => {
        const made = await trip('zn');
        const upload = multipart(PNG, 'photo.png');
        const attached = await inject(
          'POST',
          `/trips/${made.id}/attachments?version=${made.version}`,
          cookies.zn,
          upload.payload,
          upload.headers,
        );
        expect(attached.statusCode, attached.body).toBe(201);
        return attached.json<SharedTrip>();
      })());
    const readZn = (route: string, url: string | (() => Promise<string>), extra: Partial<Route> = {}): Route => ({
      route,
      needs: 'trips.read',
      projectOf: 'zn',
      ok: 200,
      request: async () => ({ url: typeof url === 'string' ? url : await url() }),
      ...(route.endsWith('.xlsx') ? { after: expectXlsx } : {}),
      ...extra,
    });
    return [
      readZn('GET /platforms/{key}/staff', '/platforms/zhenan/staff'),
      readZn('GET /platforms/{key}/staff/export.xlsx', '/platforms/zhenan/staff/export.xlsx'),
      readZn('GET /platforms/{key}/time', '/platforms/zhenan/time?month=2026-10'),
      readZn('GET /platforms/{key}/staffing-compliance', '/platforms/zhenan/staffing-compliance?month=2026-10'),
      readZn('GET /trips/{id}', async () => `/trips/${(await sharedTrip()).id}`),
      readZn(
        'GET /trips/{id}/attachments/{attachmentId}',
        async () => {
          const shared = await sharedTrip();
          return `/trips/${shared.id}/attachments/${shared.attachments[0]!.id}`;
        },
        {
          after: (_who, r) => {
            expect(r.headers['content-type']).toBe('image/png');
          },
        },
      ),
      {
        route: 'POST /platforms/{key}/staff',
        needs: 'trips.report',
        ok: 201,
        request: async (who) => ({
          url: `/platforms/${platformOf(who)}/staff`,
          payload: { name: '矩阵新人员', position: '科员', mainLeader: false, takesPartInInvestment: true },
        }),
        after: (who, r) => {
          expect(r.json()).toMatchObject({ platformKey: PLATFORM_OF[who] });
        },
      },
      {
        route: 'PUT /staff/{id}',
        needs: 'trips.report',
        ok: 200,
        request: async (who) => {
          const made = await person(who);
          return {
            url: `/staff/${made.id}`,
            payload: {
              name: '矩阵改名',
              position: '副主任',
              mainLeader: false,
              takesPartInInvestment: true,
              fromMonth: '2025-01',
              untilMonth: null,
              version: made.version,
            },
          };
        },
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ name: '矩阵改名', version: 2 });
        },
      },
      {
        route: 'PUT /staff/{id}/time/{month}',
        needs: 'trips.report',
        ok: 200,
        request: async (who) => ({
          url: `/staff/${(await person(who)).id}/time/2026-10`,
          payload: { investmentDays: 7 },
        }),
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ investmentDays: '7', workingDays: 18, version: 1 });
        },
      },
      {
        route: 'POST /trips',
        needs: 'trips.report',
        ok: 201,
        request: async (who) => ({
          url: '/trips',
          payload: {
            platformKey: platformOf(who),
            travellerIds: [(await person(who)).id],
            startOn: '2026-11-24',
            endOn: '2026-11-25',
            province: '广东省',
            city: '深圳市',
            met: [],
            outcome: '拜访',
          },
        }),
        // Back on 25 November, reported on 28 November: the third day after return, in time (R2.8).
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ late: false, dueOn: '2026-11-28' });
        },
      },
      { route: 'GET /trips', needs: 'trips.read', ok: 200, request: async () => ({ url: '/trips?pageSize=5' }) },
      {
        route: 'GET /trips/export.xlsx',
        needs: 'trips.read',
        ok: 200,
        request: async () => ({ url: '/trips/export.xlsx?month=2026-11' }),
        after: expectXlsx,
      },
      {
        route: 'POST /trips/{id}/attachments',
        needs: 'trips.report',
        ok: 201,
        request: async (who) => {
          const made = await trip(who);
          const upload = multipart(PNG, 'photo.png');
          return { url: `/trips/${made.id}/attachments?version=${made.version}`, ...upload };
        },
        after: (_who, r) => {
          expect(r.json().attachments).toEqual([expect.objectContaining({ kind: 'png' })]);
        },
      },
      {
        route: 'PUT /trips/{id}',
        needs: 'trips.report',
        ok: 200,
        request: async (who) => {
          const made = await trip(who);
          const traveller = await person(who);
          return {
            url: `/trips/${made.id}`,
            payload: {
              platformKey: platformOf(who),
              travellerIds: [traveller.id],
              startOn: '2026-11-20',
              endOn: '2026-11-22',
              province: '上海市',
              city: '上海市',
              met: [],
              outcome: '改过的成效',
              version: made.version,
            },
          };
        },
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ outcome: '改过的成效', version: 2 });
        },
      },
      {
        route: 'POST /trips/{id}/withdraw',
        needs: 'trips.report',
        ok: 200,
        request: async (who) => {
          const made = await trip(who);
          return { url: `/trips/${made.id}/withdraw`, payload: { version: made.version, reason: '重复报备' } };
        },
        after: (_who, r) => {
          expect(r.json()).toMatchObject({ withdrawReason: '重复报备' });
        },
      },
      {
        route: 'POST /trips/{id}/met/{seq}/target',
        needs: 'trips.report',
        ok: 200,
        request: async (who) => {
          const made = await trip(who);
          return {
            url: `/trips/${made.id}/met/0/target`,
            payload: {
              name: '矩阵会见企业有限公司',
              types: ['industry_leader'],
              hqProvince: '上海市',
              hqCity: '上海市',
              industryCode: '3491',
              expectedInvestment: '60000',
              owner: '矩阵',
              reason: '会见后列为目标',
              version: made.version,
            },
          };
        },
        after: (_who, r) => {
          expect(r.json().targets).toHaveLength(1);
        },
      },
      { route: 'GET /trip-settings', needs: 'trips.read', ok: 200, request: async () => ({ url: '/trip-settings' }) },
      {
        route: 'PUT /trip-settings',
        needs: 'trips.configure',
        ok: 200,
        request: async () => {
          const current = (await inject('GET', '/trip-settings', cookies.bureau)).json();
          return { url: '/trip-settings', payload: { reportWithinDays: 3, version: current.version } };
        },
      },
      {
        route: 'GET /staffing-compliance',
        needs: 'trips.read',
        ok: 200,
        request: async () => ({ url: '/staffing-compliance?period=2026Q4' }),
        after: (who, r) => {
          expect(r.json().platforms).toHaveLength(PLATFORM_OF[who] ? 1 : 3);
        },
      },
      {
        route: 'GET /staffing-compliance/export.xlsx',
        needs: 'trips.read',
        ok: 200,
        request: async () => ({ url: '/staffing-compliance/export.xlsx?period=2026' }),
        after: expectXlsx,
      },
      { route: 'GET /calendar', needs: 'calendar.read', ok: 200, request: async () => ({ url: '/calendar' }) },
      {
        route: 'GET /calendar/{year}',
        needs: 'calendar.read',
        ok: 200,
        request: async () => ({ url: '/calendar/2026' }),
        after: (_who, r) => {
          expect(r.json().workingDaysByMonth[1]).toBe(16);
        },
      },
      {
        route: 'PUT /calendar/{year}',
        needs: 'calendar.edit',
        ok: 200,
        request: async () => {
          const current = await inject('GET', '/calendar/2031', cookies.admin);
          return {
            url: '/calendar/2031',
            payload: {
              source: '矩阵测试年度',
              festivals: [{ name: '元旦', offFrom: '2031-01-01', offTo: '2031-01-01', makeUpDays: [] }],
              ...(current.statusCode === 200 ? { version: current.json().version } : {}),
            },
          };
        },
      },
    ];
  })(),
];

const FULL_MARKS = Object.fromEntries(DEFAULT_EVALUATION_SHEET.items.map((item) => [item.code, item.maxScore]));

const PLATFORM_OF: Partial<Record<User, string>> = { ojk: 'oujiangkou', zn: 'zhenan', gxq: 'hitech' };
const projectPayload = (platformKey: string) => ({
  name: `矩阵测试项目${++serial}`,
  platformKey,
  investorName: '矩阵测试投资有限公司',
  // 3491 工业机器人: encouraged on 浙南 and 高新区, so a 浙南 project may circulate to 高新区 (D11).
  industryCode: '3491',
  totalInvestment: 10000,
  fixedAssetInvestment: 8000,
  landArea: 20,
  expectedAnnualTax: 900,
});
async function newProject(stage?: 'plan_submitted'): Promise<{ id: number; version: number }> {
  let response = await inject('POST', '/projects', cookies.zn, projectPayload('zhenan'));
  expect(response.statusCode, response.body).toBe(201);
  for (const to of stage ? ['feasible', stage] : []) {
    response = await inject('POST', `/projects/${response.json().id}/transitions`, cookies.zn, {
      to,
      version: response.json().version,
    });
    expect(response.statusCode, response.body).toBe(200);
  }
  return response.json();
}

function expected(route: Route, who: Who): { status: number; code?: string } {
  if (who === 'anonymous')
    return route.anonymous ? { status: route.anonymous.status } : { status: 401, code: 'UNAUTHENTICATED' };
  const role = ROLE_OF[who];
  if (route.needs !== 'session' && !can(role, route.needs)) return { status: 403, code: 'FORBIDDEN' };
  if (route.draft && !can(role, 'catalog.edit')) return { status: 404, code: 'NOT_FOUND' };
  if (route.projectOf && role === 'platform' && who !== route.projectOf) return { status: 404, code: 'NOT_FOUND' };
  if (route.figuresOf && role === 'platform' && who !== route.figuresOf) return { status: 403, code: 'FORBIDDEN' };
  return { status: route.ok };
}

const CASES = ROUTES.flatMap((route) =>
  WHO.map((who) => {
    const want = expected(route, who);
    return [
      `${route.route}${route.variant ? ` ${route.variant}` : ''} as ${who} → ${want.status}`,
      { route, who, want },
    ] as const;
  }),
);

describe('role × route (DESIGN.md quality bar; roles.ts can())', () => {
  it.each(CASES)('%s', async (_name, { route, who, want }) => {
    const request = await route.request(who);
    const cookie = who === 'anonymous' ? undefined : (request.cookie ?? cookies[who]);
    const [method, path] = route.route.split(' ') as [Method, string];
    // The row really requests its route: the URL fits the documented path.
    expect(request.url.split('?')[0]).toMatch(
      new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+').replaceAll('.', '\\.')}$`),
    );
    const response = await inject(method, request.url, cookie, request.payload, request.headers);
    expect(response.statusCode, response.body.slice(0, 400)).toBe(want.status);
    if (want.status >= 400) {
      const { error } = response.json();
      expect(error.code).toBe(want.code);
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    } else if (who !== 'anonymous') {
      await route.after?.(who, response);
    } else {
      route.anonymous?.check(response);
    }
  });

  it('the table covers every API route of the OpenAPI document (public ones aside)', () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(spec.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`),
    );
    const publicRoutes = [
      'POST /auth/login',
      'GET /health',
      'GET /public/parcels',
      'GET /public/notices',
      'GET /public/notices/{id}',
      'GET /public/notices/{id}/entries',
      'POST /public/notices/{id}/objections',
    ];
    expect(documented.filter((route) => !publicRoutes.includes(route)).sort()).toEqual(
      [...new Set(ROUTES.map((r) => r.route))].sort(),
    );
  });

  it('the public routes answer without a session', async () => {
    expect((await inject('GET', '/health', undefined)).statusCode).toBe(200);
    expect((await inject('GET', '/public/parcels', undefined)).statusCode).toBe(200);
    const login = await inject('POST', '/auth/login', undefined, {
      username: 'leader',
      password: currentPassword.leader,
    });
    expect(login.statusCode).toBe(200);
    // R3.2 公示: the notices, their lines and the objection form need no session.
    const notices = await inject('GET', '/public/notices', undefined);
    expect(notices.statusCode).toBe(200);
    const id = notices.json().items[0].id;
    expect((await inject('GET', `/public/notices/${id}`, undefined)).statusCode).toBe(200);
    expect((await inject('GET', `/public/notices/${id}/entries`, undefined)).statusCode).toBe(200);
    const objection = await inject('POST', `/public/notices/${id}/objections`, undefined, {
      creditCode: '91330300000009002T',
      contact: '公众 13800000000',
      reason: '公开异议',
    });
    expect(objection.statusCode, objection.body).toBe(201);
  });
});
