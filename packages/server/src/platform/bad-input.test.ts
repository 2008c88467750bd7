import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../test/test-app.ts';
import { XLSX_MIME } from './http.ts';

/**
 * DESIGN.md "Quality bars — Bad input": every route, given missing, mistyped, out-of-range or oversized input,
 * answers a 4xx `{error:{code, message}}` with a Chinese sentence (never a 500), and writes nothing: the audit
 * trail, the draft under edit, the users, the industry table and the catalog overview are the same before and after.
 * D13: a malformed industry code is 400, a well-formed one not in GB/T 4754-2017 is 422. D19: over 1 MB is 413.
 */

type Who = 'drc' | 'admin' | 'auditor' | 'ojk' | 'spare' | 'anonymous';
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Ids = {
  draft: number;
  item: number;
  itemRevision: number;
  draftRevision: number;
  published: number;
  publishedItem: number;
  hitech: number;
  user: number;
  userVersion: number;
  self: number;
};
type Case = {
  name: string;
  who?: Who;
  method: Method;
  /** `:draft`, `:item`, `:published`, `:publishedItem`, `:hitech`, `:user`, `:self` stand for the ids made in beforeAll. */
  url: string;
  /** The body, or a function of the ids made in beforeAll that returns it. */
  payload?: unknown;
  headers?: Record<string, string>;
  status: number;
  code?: string;
  /** The error lists what is wrong, row by row (imports). */
  details?: boolean;
};

let t: TestApp;
const cookies = {} as Record<Exclude<Who, 'anonymous'>, string>;
const ids = {} as Ids;
const files = {} as Record<'good' | 'badRows' | 'noHeader' | 'headerOnly', Buffer>;
const bundledCsv = readFileSync(new URL('../reference/data/gbt4754-2017.csv', import.meta.url), 'utf8');

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ['drc', 'admin', 'auditor', 'ojk', 'spare'] as const)
    cookies[who] = await t.login(who === 'spare' ? 'eitc' : who);
  const draft = await send('drc', 'POST', '/catalogs/zhenan/versions', { version: '坏输入测试草稿' });
  expect(draft.statusCode, draft.body).toBe(201);
  const published = (await send('drc', 'GET', '/catalogs/zhenan')).json();
  const hitech = (await send('drc', 'GET', '/catalogs/hitech')).json();
  const user = await send('admin', 'POST', '/users', {
    username: 'bad-input-target',
    password: 'Target-Pass-2026!',
    displayName: '被修改的用户',
    role: 'leader',
  });
  expect(user.statusCode, user.body).toBe(201);
  Object.assign(ids, {
    draft: draft.json().id,
    draftRevision: draft.json().revision,
    item: draft.json().items[0].id,
    itemRevision: draft.json().items[0].revision,
    published: published.id,
    publishedItem: published.items[0].id,
    hitech: hitech.id,
    user: user.json().id,
    userVersion: user.json().version,
    self: (await send('admin', 'GET', '/auth/me')).json().user.id,
  });

  const exported = await send('drc', 'GET', `/catalog-versions/${ids.draft}/export.xlsx`);
  files.good = exported.rawPayload;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(files.good as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('准入目录')!;
  sheet.getRow(3).getCell(2).value = '优先类';
  sheet.getRow(5).getCell(3).value = '36a';
  sheet.getRow(7).getCell(3).value = '3619';
  files.badRows = Buffer.from(await workbook.xlsx.writeBuffer());
  files.noHeader = await workbookOf([
    ['名称', '说明'],
    ['汽车', '整车'],
  ]);
  files.headerOnly = await workbookOf([['序号', '类别', '行业代码', '行业名称', '关键词', '列入依据', '备注']]);
});
afterAll(() => t?.close());

async function workbookOf(rows: string[][]) {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('准入目录').addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function send(who: Who, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) {
  const cookie = who === 'anonymous' ? undefined : cookies[who];
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    payload: payload as never,
    headers: { ...(cookie ? { cookie } : {}), ...headers },
  });
}

/** Everything a bad request might have touched. */
async function snapshot() {
  const [audit, draft, users, industries, catalogs] = await Promise.all([
    send('auditor', 'GET', '/audit?pageSize=1'),
    send('drc', 'GET', `/catalog-versions/${ids.draft}`),
    send('admin', 'GET', '/users?pageSize=500'),
    send('drc', 'GET', '/industries?q=汽车&pageSize=100'),
    send('drc', 'GET', '/catalogs'),
  ]);
  for (const response of [audit, draft, users, industries, catalogs])
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return {
    auditTotal: audit.json().total,
    lastAuditId: audit.json().items[0]?.id,
    draft: { revision: draft.json().revision, items: draft.json().items },
    users: users.json().items,
    industries: industries.json(),
    catalogs: catalogs.json(),
  };
}

// ── building blocks ────────────────────────────────────────────────────────────────────────────────────────────
const raw = (payload: string | Buffer, contentType: string) => ({ payload, headers: { 'content-type': contentType } });
const BOUNDARY = '----pgs-bad-input';
function multipart(parts: Array<{ name: string; fileName?: string; body: Buffer | string }>) {
  const chunks = parts.flatMap((part) => [
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"${part.fileName ? `; filename="${part.fileName}"\r\nContent-Type: ${XLSX_MIME}` : ''}\r\n\r\n`,
    ),
    Buffer.isBuffer(part.body) ? part.body : Buffer.from(part.body),
    Buffer.from('\r\n'),
  ]);
  return raw(
    Buffer.concat([...chunks, Buffer.from(`--${BOUNDARY}--\r\n`)]),
    `multipart/form-data; boundary=${BOUNDARY}`,
  );
}
const upload =
  (file: Buffer | (() => Buffer), fileName = 'catalog.xlsx') =>
  () =>
    multipart([{ name: 'file', fileName, body: typeof file === 'function' ? file() : file }]);
const LONG = 'x'.repeat(100_000);
const OVER_1MB = { blob: 'x'.repeat(1_100_000) };

/** What every JSON write route must refuse, whatever its fields. */
function bodyCases(who: Who, method: Method, url: string): Case[] {
  return [
    {
      name: 'malformed JSON',
      who,
      method,
      url,
      ...raw('{"a": "b",', 'application/json'),
      status: 400,
      code: 'MALFORMED_JSON',
    },
    { name: 'a JSON body over 1 MB', who, method, url, payload: OVER_1MB, status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'an empty JSON body', who, method, url, ...raw('', 'application/json'), status: 400, code: 'EMPTY_BODY' },
    { name: 'no body at all', who, method, url, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'JSON null', who, method, url, ...raw('null', 'application/json'), status: 400, code: 'VALIDATION_FAILED' },
    {
      name: 'a JSON array',
      who,
      method,
      url,
      ...raw('[]', 'application/json'),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    { name: 'text/plain', who, method, url, ...raw('a=b', 'text/plain'), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    {
      name: 'application/xml',
      who,
      method,
      url,
      ...raw('<a/>', 'application/xml'),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
  ].map((c) => ({ ...c, name: `${method} ${url}: ${c.name}` }));
}

const item = {
  category: 'encouraged',
  industryCode: '8810',
  keywords: ['文艺'],
  basis: 'R1.2-supporting',
  note: '文艺创作',
};
const userUpdate = (i: Ids) => ({
  displayName: '改名',
  role: 'leader',
  platformKey: null,
  disabled: false,
  version: i.userVersion,
});
const itemUpdate = (i: Ids) => ({ ...item, revision: i.itemRevision });
const newUser = { username: 'fresh-user', password: 'Fresh-Pass-2026!', displayName: '新用户', role: 'leader' };

// ── the writes ─────────────────────────────────────────────────────────────────────────────────────────────────
const WRITES: Case[] = [
  // POST /auth/login (public)
  ...bodyCases('anonymous', 'POST', '/auth/login'),
  {
    name: 'login without a password',
    who: 'anonymous',
    method: 'POST',
    url: '/auth/login',
    payload: { username: 'drc' },
    status: 400,
  },
  {
    name: 'login with a number for a username',
    who: 'anonymous',
    method: 'POST',
    url: '/auth/login',
    payload: { username: 12345, password: 'x' },
    status: 400,
  },
  {
    name: 'login with a 100 000-character password',
    who: 'anonymous',
    method: 'POST',
    url: '/auth/login',
    payload: { username: 'drc', password: LONG },
    status: 400,
  },
  {
    name: 'login with a NUL in the username',
    who: 'anonymous',
    method: 'POST',
    url: '/auth/login',
    payload: { username: 'dr\u0000c', password: DEMO_PASSWORD },
    status: 400,
  },

  // POST /auth/logout, /auth/password
  {
    name: 'logout with malformed JSON',
    who: 'spare',
    method: 'POST',
    url: '/auth/logout',
    ...raw('{', 'application/json'),
    status: 400,
    code: 'MALFORMED_JSON',
  },
  ...bodyCases('drc', 'POST', '/auth/password'),
  {
    name: 'password change without the new password',
    method: 'POST',
    url: '/auth/password',
    payload: { currentPassword: DEMO_PASSWORD },
    status: 400,
  },
  {
    name: 'password change with a number for the new password',
    method: 'POST',
    url: '/auth/password',
    payload: { currentPassword: DEMO_PASSWORD, newPassword: 1234567890123 },
    status: 400,
  },
  {
    name: 'password change to 100 000 characters',
    method: 'POST',
    url: '/auth/password',
    payload: { currentPassword: DEMO_PASSWORD, newPassword: `Aa1!${LONG}` },
    status: 400,
  },
  {
    name: 'password change with a wrong current password',
    method: 'POST',
    url: '/auth/password',
    payload: { currentPassword: 'Not-The-Pass-1', newPassword: 'Newer-Pass-2026!' },
    status: 422,
    code: 'WRONG_PASSWORD',
  },
  {
    name: 'password change to a weak password',
    method: 'POST',
    url: '/auth/password',
    payload: { currentPassword: DEMO_PASSWORD, newPassword: 'short' },
    status: 422,
    code: 'WEAK_PASSWORD',
  },

  // POST /users
  ...bodyCases('admin', 'POST', '/users'),
  {
    name: 'new user without a role',
    who: 'admin',
    method: 'POST',
    url: '/users',
    payload: { ...newUser, role: undefined },
    status: 400,
  },
  {
    name: 'new user without a username',
    who: 'admin',
    method: 'POST',
    url: '/users',
    payload: { ...newUser, username: undefined },
    status: 400,
  },
  {
    name: 'new user with an unknown role',
    who: 'admin',
    method: 'POST',
    url: '/users',
    payload: { ...newUser, role: 'boss' },
    status: 400,
  },
  {
    name: 'new user on an unknown platform',
    who: 'admin',
    method: 'POST',
    url: '/users',
    payload: { ...newUser, role: 'platform', platformKey: 'wenzhou' },
    status: 400,
  },
  {
    name: 'new user with a number for a username',
    who: 'admin',
    method: 'POST',
    url: '/users',
    payload: { ...newUser, username: 12345 },
    status: 400,
  },
  {
    name: 'new user with a number for a name',
    who: 'admin',
    method: 'POST',
    url: '/users',
    payload: { ...newUser, displayName: 7 },
    status: 400,
  },
  {
    name: 'new user with spaces in the username',
    who: 'admin',
    method: 'POST',
    url: '/users',
    payload: { ...newUser, username: 'a b c' },
    status: 400,
  },
  {
    name: 'new user with a 100 000-character name',
    who: 'admin',
    method: 'POST',
    url: '/users',
    payload: { ...newUser, displayName: LONG },
    status: 400,
  },
  {
    name: 'new user with a 100 000-character username',
    who: 'admin',
    method: 'POST',
    url: '/users',
    payload: { ...newUser, username: LONG },
    status: 400,
  },
  {
    name: 'new user with a NUL in the name',
    who: 'admin',
    method: 'POST',
    url: '/users',
    payload: { ...newUser, displayName: '新\u0000用户' },
    status: 400,
  },
  {
    name: 'new user with a weak password',
    who: 'admin',
    method: 'POST',
    url: '/users',
    payload: { ...newUser, password: 'password' },
    status: 422,
    code: 'WEAK_PASSWORD',
  },
  {
    name: 'new platform user without a platform',
    who: 'admin',
    method: 'POST',
    url: '/users',
    payload: { ...newUser, role: 'platform' },
    status: 422,
    code: 'PLATFORM_REQUIRED',
  },
  {
    name: 'new leader user with a platform',
    who: 'admin',
    method: 'POST',
    url: '/users',
    payload: { ...newUser, platformKey: 'zhenan' },
    status: 422,
    code: 'PLATFORM_NOT_ALLOWED',
  },
  {
    name: 'new user with a taken username',
    who: 'admin',
    method: 'POST',
    url: '/users',
    payload: { ...newUser, username: 'drc' },
    status: 409,
    code: 'USERNAME_TAKEN',
  },

  // PATCH /users/:id
  ...bodyCases('admin', 'PATCH', '/users/:user'),
  {
    name: 'user update of id "abc"',
    who: 'admin',
    method: 'PATCH',
    url: '/users/abc',
    payload: userUpdate,
    status: 400,
  },
  { name: 'user update of id 0', who: 'admin', method: 'PATCH', url: '/users/0', payload: userUpdate, status: 400 },
  {
    name: 'user update of an id beyond any integer column',
    who: 'admin',
    method: 'PATCH',
    url: '/users/99999999999',
    payload: userUpdate,
    status: 400,
  },
  {
    name: 'user update of an unknown user',
    who: 'admin',
    method: 'PATCH',
    url: '/users/999999',
    payload: userUpdate,
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'user update without a version',
    who: 'admin',
    method: 'PATCH',
    url: '/users/:user',
    payload: (i: Ids) => ({ ...userUpdate(i), version: undefined }),
    status: 400,
  },
  {
    name: 'user update with text for the version',
    who: 'admin',
    method: 'PATCH',
    url: '/users/:user',
    payload: (i: Ids) => ({ ...userUpdate(i), version: 'one' }),
    status: 400,
  },
  {
    name: 'user update with "yes" for disabled',
    who: 'admin',
    method: 'PATCH',
    url: '/users/:user',
    payload: (i: Ids) => ({ ...userUpdate(i), disabled: 'yes' }),
    status: 400,
  },
  {
    name: 'user update to an unknown role',
    who: 'admin',
    method: 'PATCH',
    url: '/users/:user',
    payload: (i: Ids) => ({ ...userUpdate(i), role: 'boss' }),
    status: 400,
  },
  {
    name: 'user update to an unknown platform',
    who: 'admin',
    method: 'PATCH',
    url: '/users/:user',
    payload: (i: Ids) => ({ ...userUpdate(i), role: 'platform', platformKey: 'wenzhou' }),
    status: 400,
  },
  {
    name: 'user update with a 100 000-character name',
    who: 'admin',
    method: 'PATCH',
    url: '/users/:user',
    payload: (i: Ids) => ({ ...userUpdate(i), displayName: LONG }),
    status: 400,
  },
  {
    name: 'user update with a version beyond any integer column',
    who: 'admin',
    method: 'PATCH',
    url: '/users/:user',
    payload: (i: Ids) => ({ ...userUpdate(i), version: 99999999999 }),
    status: 400,
  },
  {
    name: 'user update with a stale version',
    who: 'admin',
    method: 'PATCH',
    url: '/users/:user',
    payload: (i: Ids) => ({ ...userUpdate(i), version: i.userVersion + 5 }),
    status: 409,
    code: 'STALE_VERSION',
  },
  {
    name: 'the admin disabling itself',
    who: 'admin',
    method: 'PATCH',
    url: '/users/:self',
    payload: { displayName: '系统管理员', role: 'admin', platformKey: null, disabled: true, version: 1 },
    status: 422,
    code: 'SELF_LOCKOUT',
  },

  // POST /users/:id/password
  ...bodyCases('admin', 'POST', '/users/:user/password'),
  {
    name: 'password reset of id "abc"',
    who: 'admin',
    method: 'POST',
    url: '/users/abc/password',
    payload: { password: 'Reset-Pass-2026!' },
    status: 400,
  },
  {
    name: 'password reset of an unknown user',
    who: 'admin',
    method: 'POST',
    url: '/users/999999/password',
    payload: { password: 'Reset-Pass-2026!' },
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'password reset of an id beyond any integer column',
    who: 'admin',
    method: 'POST',
    url: '/users/99999999999/password',
    payload: { password: 'Reset-Pass-2026!' },
    status: 400,
  },
  {
    name: 'password reset without a password',
    who: 'admin',
    method: 'POST',
    url: '/users/:user/password',
    payload: {},
    status: 400,
  },
  {
    name: 'password reset to a number',
    who: 'admin',
    method: 'POST',
    url: '/users/:user/password',
    payload: { password: 12345678901234 },
    status: 400,
  },
  {
    name: 'password reset to 100 000 characters',
    who: 'admin',
    method: 'POST',
    url: '/users/:user/password',
    payload: { password: `Aa1!${LONG}` },
    status: 400,
  },
  {
    name: 'password reset to a weak password',
    who: 'admin',
    method: 'POST',
    url: '/users/:user/password',
    payload: { password: 'abc' },
    status: 422,
    code: 'WEAK_PASSWORD',
  },

  // POST /industries/import
  {
    name: 'industry import of an empty CSV',
    who: 'admin',
    method: 'POST',
    url: '/industries/import',
    ...raw('', 'text/csv'),
    status: 400,
  },
  {
    name: 'industry import without code and name columns',
    who: 'admin',
    method: 'POST',
    url: '/industries/import',
    ...raw('foo,bar\n1,2\n', 'text/csv'),
    status: 422,
    code: 'IMPORT_INVALID',
    details: true,
  },
  {
    name: 'industry import with malformed codes',
    who: 'admin',
    method: 'POST',
    url: '/industries/import',
    ...raw(`${bundledCsv}36a,坏代码\n12345,五位代码\n`, 'text/csv'),
    status: 422,
    code: 'IMPORT_INVALID',
    details: true,
  },
  {
    name: 'industry import dropping codes the catalogs use',
    who: 'admin',
    method: 'POST',
    url: '/industries/import',
    ...raw('code,name\nA,农、林、牧、渔业\n', 'text/csv'),
    status: 422,
    code: 'CODES_IN_USE',
    details: true,
  },
  {
    name: 'industry import with a NUL in a name',
    who: 'admin',
    method: 'POST',
    url: '/industries/import',
    ...raw(bundledCsv.replace('汽车整车制造', '汽车\u0000整车制造'), 'text/csv'),
    status: 400,
  },
  {
    name: 'industry import as multipart without a file',
    who: 'admin',
    method: 'POST',
    url: '/industries/import',
    ...multipart([{ name: 'note', body: '没有文件' }]),
    status: 400,
  },
  {
    name: 'industry import as application/xml',
    who: 'admin',
    method: 'POST',
    url: '/industries/import',
    ...raw('<a/>', 'application/xml'),
    status: 415,
  },
  {
    name: 'industry import as application/json',
    who: 'admin',
    method: 'POST',
    url: '/industries/import',
    ...raw('{"code":"A"}', 'application/json'),
    status: 415,
  },
  {
    name: 'industry import as text/plain',
    who: 'admin',
    method: 'POST',
    url: '/industries/import',
    ...raw('hello', 'text/plain'),
    status: 415,
  },
  {
    name: 'industry import as truncated multipart',
    who: 'admin',
    method: 'POST',
    url: '/industries/import',
    ...raw('garbage', `multipart/form-data; boundary=${BOUNDARY}`),
    status: 400,
  },

  // POST /catalogs/:platformKey/versions
  ...bodyCases('drc', 'POST', '/catalogs/zhenan/versions'),
  { name: 'draft without a version name', method: 'POST', url: '/catalogs/zhenan/versions', payload: {}, status: 400 },
  {
    name: 'draft with a number for the version name',
    method: 'POST',
    url: '/catalogs/zhenan/versions',
    payload: { version: 2026 },
    status: 400,
  },
  {
    name: 'draft with an empty version name',
    method: 'POST',
    url: '/catalogs/zhenan/versions',
    payload: { version: '' },
    status: 400,
  },
  {
    name: 'draft with a blank version name',
    method: 'POST',
    url: '/catalogs/zhenan/versions',
    payload: { version: '   ' },
    status: 400,
  },
  {
    name: 'draft with a 100 000-character version name',
    method: 'POST',
    url: '/catalogs/zhenan/versions',
    payload: { version: LONG },
    status: 400,
  },
  {
    name: 'draft with a NUL in the version name',
    method: 'POST',
    url: '/catalogs/zhenan/versions',
    payload: { version: '2026\u0000年本' },
    status: 400,
  },
  {
    name: 'draft on an unknown platform',
    method: 'POST',
    url: '/catalogs/wenzhou/versions',
    payload: { version: '2026年本' },
    status: 400,
  },
  {
    name: 'draft based on version "abc"',
    method: 'POST',
    url: '/catalogs/zhenan/versions',
    payload: { version: '2026年本', basedOnVersionId: 'abc' },
    status: 400,
  },
  {
    name: 'draft based on version 0',
    method: 'POST',
    url: '/catalogs/zhenan/versions',
    payload: { version: '2026年本', basedOnVersionId: 0 },
    status: 400,
  },
  {
    name: 'draft based on an unknown version',
    method: 'POST',
    url: '/catalogs/zhenan/versions',
    payload: { version: '2026年本', basedOnVersionId: 999999 },
    status: 422,
    code: 'BAD_BASE',
  },
  {
    name: 'draft based on a version id beyond any integer column',
    method: 'POST',
    url: '/catalogs/zhenan/versions',
    payload: { version: '2026年本', basedOnVersionId: 99999999999 },
    status: 400,
  },
  {
    name: 'draft based on another platform’s version',
    method: 'POST',
    url: '/catalogs/zhenan/versions',
    payload: (i: Ids) => ({ version: '2026年本', basedOnVersionId: i.hitech }),
    status: 422,
    code: 'BAD_BASE',
  },
  {
    name: 'draft with a taken version name',
    method: 'POST',
    url: '/catalogs/zhenan/versions',
    payload: { version: '2018年本' },
    status: 409,
    code: 'VERSION_TAKEN',
  },

  // DELETE /catalog-versions/:versionId
  { name: 'delete of version "abc"', method: 'DELETE', url: '/catalog-versions/abc', status: 400 },
  { name: 'delete of version 0', method: 'DELETE', url: '/catalog-versions/0', status: 400 },
  { name: 'delete of version -1', method: 'DELETE', url: '/catalog-versions/-1', status: 400 },
  {
    name: 'delete of an unknown version',
    method: 'DELETE',
    url: '/catalog-versions/999999',
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'delete of a version id beyond any integer column',
    method: 'DELETE',
    url: '/catalog-versions/99999999999',
    status: 400,
  },
  {
    name: 'delete of a published version',
    method: 'DELETE',
    url: '/catalog-versions/:published',
    status: 409,
    code: 'NOT_A_DRAFT',
  },

  // POST /catalog-versions/:versionId/items
  ...bodyCases('drc', 'POST', '/catalog-versions/:draft/items'),
  {
    name: 'item without a category',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, category: undefined },
    status: 400,
  },
  {
    name: 'item without a code',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, industryCode: undefined },
    status: 400,
  },
  {
    name: 'item without a basis',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, basis: undefined },
    status: 400,
  },
  {
    name: 'item of category "good"',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, category: 'good' },
    status: 400,
  },
  {
    name: 'item with an unknown basis',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, basis: 'R9.9' },
    status: 400,
  },
  {
    name: 'item with code "36a"',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, industryCode: '36a' },
    status: 400,
  },
  {
    name: 'item with code "12345"',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, industryCode: '12345' },
    status: 400,
  },
  {
    name: 'item with code ""',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, industryCode: '' },
    status: 400,
  },
  {
    name: 'item with a number for the code',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, industryCode: 3612 },
    status: 400,
  },
  {
    name: 'item with unknown code 9999',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, industryCode: '9999' },
    status: 422,
    code: 'UNKNOWN_INDUSTRY',
  },
  {
    name: 'item with unknown code 3619',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, industryCode: '3619' },
    status: 422,
    code: 'UNKNOWN_INDUSTRY',
  },
  {
    name: 'item with keywords as one string',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, keywords: '文艺,创作' },
    status: 400,
  },
  {
    name: 'item with a number as a keyword',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, keywords: [1] },
    status: 400,
  },
  {
    name: 'item with 21 keywords',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, keywords: Array.from({ length: 21 }, (_, n) => `词${n}`) },
    status: 400,
  },
  {
    name: 'item with a NUL in a keyword',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, keywords: ['文\u0000艺'] },
    status: 400,
  },
  {
    name: 'item with a 100 000-character note',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, note: LONG },
    status: 400,
  },
  {
    name: 'item with a number for the note',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, note: 42 },
    status: 400,
  },
  {
    name: 'item with a NUL in the note',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, note: '文艺\u0000创作' },
    status: 400,
  },
  {
    name: 'item whose basis does not fit its class',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, basis: 'R1.4-backward' },
    status: 422,
    code: 'ITEM_INVALID',
    details: true,
  },
  {
    name: 'item encouraging an overcapacity industry (R1.4)',
    method: 'POST',
    url: '/catalog-versions/:draft/items',
    payload: { ...item, industryCode: '3731', basis: 'R1.2-leading' },
    status: 422,
    code: 'ITEM_INVALID',
  },
  {
    name: 'item on an unknown version',
    method: 'POST',
    url: '/catalog-versions/999999/items',
    payload: item,
    status: 404,
    code: 'NOT_FOUND',
  },
  { name: 'item on version "abc"', method: 'POST', url: '/catalog-versions/abc/items', payload: item, status: 400 },
  {
    name: 'item on a published version',
    method: 'POST',
    url: '/catalog-versions/:published/items',
    payload: item,
    status: 409,
    code: 'NOT_A_DRAFT',
  },

  // PUT /catalog-versions/:versionId/items/:itemId
  ...bodyCases('drc', 'PUT', '/catalog-versions/:draft/items/:item'),
  {
    name: 'item update without a revision',
    method: 'PUT',
    url: '/catalog-versions/:draft/items/:item',
    payload: item,
    status: 400,
  },
  {
    name: 'item update with text for the revision',
    method: 'PUT',
    url: '/catalog-versions/:draft/items/:item',
    payload: { ...item, revision: 'abc' },
    status: 400,
  },
  {
    name: 'item update with revision 0',
    method: 'PUT',
    url: '/catalog-versions/:draft/items/:item',
    payload: { ...item, revision: 0 },
    status: 400,
  },
  {
    name: 'item update with a revision beyond any integer column',
    method: 'PUT',
    url: '/catalog-versions/:draft/items/:item',
    payload: { ...item, revision: 99999999999 },
    status: 400,
  },
  {
    name: 'item update with a stale revision',
    method: 'PUT',
    url: '/catalog-versions/:draft/items/:item',
    payload: (i: Ids) => ({ ...itemUpdate(i), revision: i.itemRevision + 5 }),
    status: 409,
    code: 'STALE_VERSION',
  },
  {
    name: 'item update to category "good"',
    method: 'PUT',
    url: '/catalog-versions/:draft/items/:item',
    payload: (i: Ids) => ({ ...itemUpdate(i), category: 'good' }),
    status: 400,
  },
  {
    name: 'item update to code "36a"',
    method: 'PUT',
    url: '/catalog-versions/:draft/items/:item',
    payload: (i: Ids) => ({ ...itemUpdate(i), industryCode: '36a' }),
    status: 400,
  },
  {
    name: 'item update to unknown code 9999',
    method: 'PUT',
    url: '/catalog-versions/:draft/items/:item',
    payload: (i: Ids) => ({ ...itemUpdate(i), industryCode: '9999' }),
    status: 422,
    code: 'UNKNOWN_INDUSTRY',
  },
  {
    name: 'item update with a 100 000-character note',
    method: 'PUT',
    url: '/catalog-versions/:draft/items/:item',
    payload: (i: Ids) => ({ ...itemUpdate(i), note: LONG }),
    status: 400,
  },
  {
    name: 'item update of item "x"',
    method: 'PUT',
    url: '/catalog-versions/:draft/items/x',
    payload: itemUpdate,
    status: 400,
  },
  {
    name: 'item update of an unknown item',
    method: 'PUT',
    url: '/catalog-versions/:draft/items/999999',
    payload: itemUpdate,
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'item update of another version’s item',
    method: 'PUT',
    url: '/catalog-versions/:draft/items/:publishedItem',
    payload: itemUpdate,
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'item update on an unknown version',
    method: 'PUT',
    url: '/catalog-versions/999999/items/:item',
    payload: itemUpdate,
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'item update on a published version',
    method: 'PUT',
    url: '/catalog-versions/:published/items/:publishedItem',
    payload: itemUpdate,
    status: 409,
    code: 'NOT_A_DRAFT',
  },

  // DELETE /catalog-versions/:versionId/items/:itemId
  {
    name: 'item delete without a revision',
    method: 'DELETE',
    url: '/catalog-versions/:draft/items/:item',
    status: 400,
  },
  {
    name: 'item delete with text for the revision',
    method: 'DELETE',
    url: '/catalog-versions/:draft/items/:item?revision=abc',
    status: 400,
  },
  {
    name: 'item delete with revision 0',
    method: 'DELETE',
    url: '/catalog-versions/:draft/items/:item?revision=0',
    status: 400,
  },
  {
    name: 'item delete with a stale revision',
    method: 'DELETE',
    url: '/catalog-versions/:draft/items/:item?revision=99',
    status: 409,
    code: 'STALE_VERSION',
  },
  {
    name: 'item delete with a revision beyond any integer column',
    method: 'DELETE',
    url: '/catalog-versions/:draft/items/:item?revision=99999999999',
    status: 400,
  },
  {
    name: 'item delete of item "x"',
    method: 'DELETE',
    url: '/catalog-versions/:draft/items/x?revision=1',
    status: 400,
  },
  {
    name: 'item delete of an unknown item',
    method: 'DELETE',
    url: '/catalog-versions/:draft/items/999999?revision=1',
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'item delete on a published version',
    method: 'DELETE',
    url: '/catalog-versions/:published/items/:publishedItem?revision=1',
    status: 409,
    code: 'NOT_A_DRAFT',
  },

  // POST /catalog-versions/:versionId/publish
  ...bodyCases('drc', 'POST', '/catalog-versions/:draft/publish'),
  {
    name: 'publish without a date',
    method: 'POST',
    url: '/catalog-versions/:draft/publish',
    payload: (i: Ids) => ({ revision: i.draftRevision }),
    status: 400,
  },
  {
    name: 'publish without a revision',
    method: 'POST',
    url: '/catalog-versions/:draft/publish',
    payload: { effectiveDate: '2026-12-01' },
    status: 400,
  },
  {
    name: 'publish on "tomorrow"',
    method: 'POST',
    url: '/catalog-versions/:draft/publish',
    payload: (i: Ids) => ({ effectiveDate: 'tomorrow', revision: i.draftRevision }),
    status: 400,
  },
  {
    name: 'publish on 2026-02-30',
    method: 'POST',
    url: '/catalog-versions/:draft/publish',
    payload: (i: Ids) => ({ effectiveDate: '2026-02-30', revision: i.draftRevision }),
    status: 400,
  },
  {
    name: 'publish on 2026-13-01',
    method: 'POST',
    url: '/catalog-versions/:draft/publish',
    payload: (i: Ids) => ({ effectiveDate: '2026-13-01', revision: i.draftRevision }),
    status: 400,
  },
  {
    name: 'publish with a number for the date',
    method: 'POST',
    url: '/catalog-versions/:draft/publish',
    payload: (i: Ids) => ({ effectiveDate: 20261201, revision: i.draftRevision }),
    status: 400,
  },
  {
    name: 'publish with text for the revision',
    method: 'POST',
    url: '/catalog-versions/:draft/publish',
    payload: { effectiveDate: '2026-12-01', revision: 'abc' },
    status: 400,
  },
  {
    name: 'publish with revision 0',
    method: 'POST',
    url: '/catalog-versions/:draft/publish',
    payload: { effectiveDate: '2026-12-01', revision: 0 },
    status: 400,
  },
  {
    name: 'publish with a revision beyond any integer column',
    method: 'POST',
    url: '/catalog-versions/:draft/publish',
    payload: { effectiveDate: '2026-12-01', revision: 99999999999 },
    status: 400,
  },
  {
    name: 'publish with a stale revision',
    method: 'POST',
    url: '/catalog-versions/:draft/publish',
    payload: (i: Ids) => ({ effectiveDate: '2026-12-01', revision: i.draftRevision + 5 }),
    status: 409,
    code: 'STALE_VERSION',
  },
  {
    name: 'publish effective before today (issue #10.6)',
    method: 'POST',
    url: '/catalog-versions/:draft/publish',
    payload: (i: Ids) => ({ effectiveDate: '2017-01-01', revision: i.draftRevision }),
    status: 422,
    code: 'EFFECTIVE_DATE_OUT_OF_RANGE',
  },
  {
    name: 'publish of an unknown version',
    method: 'POST',
    url: '/catalog-versions/999999/publish',
    payload: { effectiveDate: '2026-12-01', revision: 1 },
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'publish of a published version',
    method: 'POST',
    url: '/catalog-versions/:published/publish',
    payload: { effectiveDate: '2026-12-01', revision: 1 },
    status: 409,
    code: 'NOT_A_DRAFT',
  },

  // POST /catalog-versions/:versionId/import
  {
    name: 'catalog import of a file that is not a workbook',
    method: 'POST',
    url: '/catalog-versions/:draft/import',
    payload: upload(Buffer.from('这不是 Excel 文件'), 'catalog.txt'),
    status: 422,
    code: 'IMPORT_INVALID',
    details: true,
  },
  {
    name: 'catalog import of a broken zip',
    method: 'POST',
    url: '/catalog-versions/:draft/import',
    payload: upload(Buffer.from('PK\u0003\u0004 broken')),
    status: 422,
    code: 'IMPORT_INVALID',
    details: true,
  },
  {
    name: 'catalog import with bad rows',
    method: 'POST',
    url: '/catalog-versions/:draft/import',
    payload: upload(() => files.badRows),
    status: 422,
    code: 'IMPORT_INVALID',
    details: true,
  },
  {
    name: 'catalog import without the template’s headers',
    method: 'POST',
    url: '/catalog-versions/:draft/import',
    payload: upload(() => files.noHeader),
    status: 422,
    code: 'IMPORT_INVALID',
    details: true,
  },
  {
    name: 'catalog import of headers only',
    method: 'POST',
    url: '/catalog-versions/:draft/import',
    payload: upload(() => files.headerOnly),
    status: 422,
    code: 'IMPORT_INVALID',
    details: true,
  },
  {
    name: 'catalog import as multipart without a file',
    method: 'POST',
    url: '/catalog-versions/:draft/import',
    ...multipart([{ name: 'note', body: '没有文件' }]),
    status: 400,
  },
  {
    name: 'catalog import as empty multipart',
    method: 'POST',
    url: '/catalog-versions/:draft/import',
    ...raw(`--${BOUNDARY}--\r\n`, `multipart/form-data; boundary=${BOUNDARY}`),
    status: 400,
  },
  {
    name: 'catalog import as text/plain',
    method: 'POST',
    url: '/catalog-versions/:draft/import',
    ...raw('类别,行业代码', 'text/plain'),
    status: 415,
  },
  {
    name: 'catalog import as JSON',
    method: 'POST',
    url: '/catalog-versions/:draft/import',
    payload: { items: [item] },
    status: 400,
  },
  {
    name: 'catalog import as application/xml',
    method: 'POST',
    url: '/catalog-versions/:draft/import',
    ...raw('<a/>', 'application/xml'),
    status: 415,
  },
  {
    name: 'catalog import over 64 MB',
    method: 'POST',
    url: '/catalog-versions/:draft/import',
    payload: upload(() => Buffer.alloc(64 * 1024 * 1024 + 1024, 0x41)),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'catalog import into an unknown version',
    method: 'POST',
    url: '/catalog-versions/999999/import',
    payload: upload(() => files.good),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'catalog import into a version id beyond any integer column',
    method: 'POST',
    url: '/catalog-versions/99999999999/import',
    payload: upload(() => files.good),
    status: 400,
  },
  {
    name: 'catalog import into version "abc"',
    method: 'POST',
    url: '/catalog-versions/abc/import',
    payload: upload(() => files.good),
    status: 400,
  },
  {
    name: 'catalog import into a published version',
    method: 'POST',
    url: '/catalog-versions/:published/import',
    payload: upload(() => files.good),
    status: 409,
    code: 'NOT_A_DRAFT',
  },
  {
    name: 'catalog import as truncated multipart',
    method: 'POST',
    url: '/catalog-versions/:draft/import',
    ...raw(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK`,
      `multipart/form-data; boundary=${BOUNDARY}`,
    ),
    status: 400,
  },
  {
    name: 'catalog import as multipart without a boundary',
    method: 'POST',
    url: '/catalog-versions/:draft/import',
    ...raw('garbage', 'multipart/form-data'),
    status: 400,
  },

  // POST /enterprise-records (issue #4, D19: 64 MB): the body's shape is a 400; bad records a 422 listing every bad cell.
  ...((): Case[] => {
    const url = '/enterprise-records';
    const good = {
      creditCode: '91330300000900001X',
      name: '坏输入测试企业有限公司',
      platformKey: 'zhenan',
      kind: 'industrial',
      scale: 'above',
      landOwned: '10',
      landLeased: null,
      tax: '50',
      valueAdded: '200',
      revenue: '900',
      rdExpense: null,
      employees: 30,
      energyTce: '40',
      emissionsTons: null,
      electricityKwh: '90000',
      waterTons: '800',
      producing: true,
    };
    const body = (over: Record<string, unknown>) => ({ year: 2025, records: [good], ...over });
    const who = 'spare' as const;
    return [
      {
        name: 'enterprise records as malformed JSON',
        who,
        method: 'POST',
        url,
        ...raw('{"year": 2025,', 'application/json'),
        status: 400,
        code: 'MALFORMED_JSON',
      },
      {
        name: 'enterprise records as an empty JSON body',
        who,
        method: 'POST',
        url,
        ...raw('', 'application/json'),
        status: 400,
        code: 'EMPTY_BODY',
      },
      { name: 'enterprise records without a body', who, method: 'POST', url, status: 400, code: 'VALIDATION_FAILED' },
      {
        name: 'enterprise records as JSON null',
        who,
        method: 'POST',
        url,
        ...raw('null', 'application/json'),
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'enterprise records as a bare JSON array',
        who,
        method: 'POST',
        url,
        payload: [good],
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'enterprise records as text/plain',
        who,
        method: 'POST',
        url,
        ...raw('year=2025', 'text/plain'),
        status: 415,
      },
      {
        name: 'enterprise records as application/xml',
        who,
        method: 'POST',
        url,
        ...raw('<a/>', 'application/xml'),
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
      {
        name: 'enterprise records over 64 MB',
        who,
        method: 'POST',
        url,
        payload: { year: 2025, records: [], blob: 'x'.repeat(64 * 1024 * 1024 + 1024) },
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      },
      {
        name: 'enterprise records without records',
        who,
        method: 'POST',
        url,
        payload: { year: 2025 },
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'enterprise records with records as an object',
        who,
        method: 'POST',
        url,
        payload: body({ records: { 0: good } }),
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'enterprise records with no records',
        who,
        method: 'POST',
        url,
        payload: body({ records: [] }),
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'enterprise records without a year',
        who,
        method: 'POST',
        url,
        payload: { records: [good] },
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'enterprise records for year "2025年"',
        who,
        method: 'POST',
        url,
        payload: body({ year: '2025年' }),
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'enterprise records for year 1999',
        who,
        method: 'POST',
        url,
        payload: body({ year: 1999 }),
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'enterprise records for year 2025.5',
        who,
        method: 'POST',
        url,
        payload: body({ year: 2025.5 }),
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'enterprise records with a bad credit code and a negative tax',
        who,
        method: 'POST',
        url,
        payload: body({ records: [{ ...good, creditCode: '91330300000900001A', tax: -1 }] }),
        status: 422,
        code: 'INVALID_RECORDS',
        details: true,
      },
      {
        name: 'enterprise records with a 100 000-character name',
        who,
        method: 'POST',
        url,
        payload: body({ records: [{ ...good, name: LONG }] }),
        status: 422,
        code: 'INVALID_RECORDS',
        details: true,
      },
      {
        name: 'enterprise records with a NUL in the name',
        who,
        method: 'POST',
        url,
        payload: body({ records: [{ ...good, name: '坏\u0000输入' }] }),
        status: 422,
        code: 'INVALID_RECORDS',
        details: true,
      },
      {
        name: 'enterprise records of numbers',
        who,
        method: 'POST',
        url,
        payload: body({ records: [1, 2] }),
        status: 422,
        code: 'INVALID_RECORDS',
        details: true,
      },
      {
        name: 'enterprise records with a figure of 17 digits',
        who,
        method: 'POST',
        url,
        payload: body({ records: [{ ...good, revenue: '12345678901234567' }] }),
        status: 422,
        code: 'INVALID_RECORDS',
        details: true,
      },
      {
        name: 'enterprise records of another platform, by a platform user',
        who: 'ojk',
        method: 'POST',
        url,
        payload: body({}),
        status: 403,
        code: 'FORBIDDEN',
        details: true,
      },
    ];
  })(),

  // POST /enterprise-records/import: a confirmed import of a file with problems is a 422 with every problem.
  ...((): Case[] => {
    const url = '/enterprise-records/import?year=2025&dryRun=false';
    const who = 'spare' as const;
    return [
      {
        name: 'enterprise import of a file that is not a workbook',
        who,
        method: 'POST',
        url,
        payload: upload(Buffer.from('统一社会信用代码,企业名称'), 'enterprises.csv'),
        status: 422,
        code: 'INVALID_RECORDS',
        details: true,
      },
      {
        name: 'enterprise import of a broken zip',
        who,
        method: 'POST',
        url,
        payload: upload(Buffer.from('PK\u0003\u0004 broken')),
        status: 422,
        code: 'INVALID_RECORDS',
        details: true,
      },
      {
        name: 'enterprise import of a workbook with other headers',
        who,
        method: 'POST',
        url,
        payload: upload(() => files.good),
        status: 422,
        code: 'INVALID_RECORDS',
        details: true,
      },
      {
        name: 'enterprise import without a year',
        who,
        method: 'POST',
        url: '/enterprise-records/import?dryRun=true',
        payload: upload(() => files.good),
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'enterprise import for year "abc"',
        who,
        method: 'POST',
        url: '/enterprise-records/import?year=abc',
        payload: upload(() => files.good),
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'enterprise import for year 2101',
        who,
        method: 'POST',
        url: '/enterprise-records/import?year=2101',
        payload: upload(() => files.good),
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'enterprise import with dryRun "maybe"',
        who,
        method: 'POST',
        url: '/enterprise-records/import?year=2025&dryRun=maybe',
        payload: upload(() => files.good),
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'enterprise import as multipart without a file',
        who,
        method: 'POST',
        url,
        ...multipart([{ name: 'note', body: '没有文件' }]),
        status: 400,
      },
      {
        name: 'enterprise import as empty multipart',
        who,
        method: 'POST',
        url,
        ...raw(`--${BOUNDARY}--\r\n`, `multipart/form-data; boundary=${BOUNDARY}`),
        status: 400,
      },
      {
        name: 'enterprise import as truncated multipart',
        who,
        method: 'POST',
        url,
        ...raw(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK`,
          `multipart/form-data; boundary=${BOUNDARY}`,
        ),
        status: 400,
      },
      { name: 'enterprise import as JSON', who, method: 'POST', url, payload: { records: [] }, status: 400 },
      {
        name: 'enterprise import as application/xml',
        who,
        method: 'POST',
        url,
        ...raw('<a/>', 'application/xml'),
        status: 415,
      },
      {
        name: 'enterprise import over 64 MB',
        who,
        method: 'POST',
        url,
        payload: upload(() => Buffer.alloc(64 * 1024 * 1024 + 1024, 0x41)),
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      },
    ];
  })(),
];

// ── the queries ────────────────────────────────────────────────────────────────────────────────────────────────
const get = (name: string, url: string, status: number, extra: Partial<Case> = {}): Case => ({
  name,
  method: 'GET',
  url,
  status,
  ...extra,
});
const QUERIES: Case[] = [
  ...[['pageSize=0'], ['pageSize=10000'], ['pageSize=abc'], ['page=0'], ['page=-1'], ['page=x'], ['page=1.5']].flatMap(
    ([query]) => [
      get(`users list with ${query}`, `/users?${query}`, 400, { who: 'admin' }),
      get(`audit list with ${query}`, `/audit?${query}`, 400, { who: 'auditor' }),
      get(`industries list with ${query}`, `/industries?${query}`, 400),
    ],
  ),
  get('audit list from "yesterday"', '/audit?from=yesterday', 400, { who: 'auditor' }),
  get('audit list with a 100-character action', `/audit?action=${'a'.repeat(100)}`, 400, { who: 'auditor' }),
  get('audit list of an actor with a NUL', '/audit?actor=dr%00c', 400, { who: 'auditor' }),
  get('audit list from 2026-13-45', '/audit?from=2026-13-45', 400, { who: 'auditor' }),
  get('audit list from 2026-02-30', '/audit?from=2026-02-30', 400, { who: 'auditor' }),
  get('audit export to "soon"', '/audit/export.xlsx?to=soon', 400, { who: 'auditor' }),
  get('audit export to 2026-13-45', '/audit/export.xlsx?to=2026-13-45', 400, { who: 'auditor' }),
  get('industries of level "foo"', '/industries?level=foo', 400),
  get('industries matching 101 characters', `/industries?q=${'汽'.repeat(101)}`, 400),
  get('industries matching a NUL', '/industries?q=%E6%B1%BD%00', 400),
  get('industries under parent "12345"', '/industries?parent=12345', 400),
  get('industry "36a"', '/industries/36a', 400),
  get('industry "12345"', '/industries/12345', 400),
  get('industry ""', '/industries/', 400),
  get('unknown industry 9999', '/industries/9999', 404, { code: 'NOT_FOUND' }),
  get('catalog of an unknown platform', '/catalogs/wenzhou', 400),
  get('catalog of "ZHENAN"', '/catalogs/ZHENAN', 400),
  get('versions of an unknown platform', '/catalogs/wenzhou/versions', 400),
  get('classify without a code', '/catalogs/zhenan/classify', 400),
  get('classify on an unknown platform', '/catalogs/wenzhou/classify?industryCode=3612', 400),
  get('classify "36a"', '/catalogs/zhenan/classify?industryCode=36a', 400),
  get('classify "12345"', '/catalogs/zhenan/classify?industryCode=12345', 400),
  get('classify ""', '/catalogs/zhenan/classify?industryCode=', 400),
  get('classify unknown 9999', '/catalogs/zhenan/classify?industryCode=9999', 422, { code: 'UNKNOWN_INDUSTRY' }),
  get('classify unknown 3619', '/catalogs/zhenan/classify?industryCode=3619', 422, { code: 'UNKNOWN_INDUSTRY' }),
  get('classify on 2026-02-30', '/catalogs/zhenan/classify?industryCode=3612&date=2026-02-30', 400),
  get('classify on "today"', '/catalogs/zhenan/classify?industryCode=3612&date=today', 400),
  get('classify with a 100 000-character description', `/catalogs/zhenan/classify?industryCode=3612&text=${LONG}`, 400),
  get('classify before any catalog', '/catalogs/zhenan/classify?industryCode=3612&date=2000-01-01', 404, {
    code: 'NOT_FOUND',
  }),
  ...['abc', '0', '-1', '1.5', '99999999999'].flatMap((id) => [
    get(`version "${id}"`, `/catalog-versions/${id}`, 400),
    get(`diff of version "${id}"`, `/catalog-versions/${id}/diff`, 400),
    get(`export of version "${id}"`, `/catalog-versions/${id}/export.xlsx`, 400),
  ]),
  get('unknown version', '/catalog-versions/999999', 404, { code: 'NOT_FOUND' }),
  get('diff of an unknown version', '/catalog-versions/999999/diff', 404, { code: 'NOT_FOUND' }),
  get('export of an unknown version', '/catalog-versions/999999/export.xlsx', 404, { code: 'NOT_FOUND' }),
  get('a draft, to a platform user', '/catalog-versions/:draft', 404, { who: 'ojk', code: 'NOT_FOUND' }),
  // the base database's lists (R3.1): every filter is checked before the database is asked.
  ...[
    'year=abc',
    'year=1999',
    'year=2025.5',
    'platformKey=wenzhou',
    'kind=factory',
    'scale=big',
    'subDatabase=idle_land',
    `q=${'企'.repeat(101)}`,
    'q=%E4%BC%81%00',
    'pageSize=0',
    'pageSize=10000',
    'page=0',
    'page=x',
  ].flatMap((query) => [
    get(`enterprise list with ${query.slice(0, 30)}`, `/enterprises?${query}`, 400),
    ...(query.startsWith('page')
      ? []
      : [get(`enterprise export with ${query.slice(0, 30)}`, `/enterprises/export.xlsx?${query}`, 400)]),
  ]),
  get('enterprise "abc"', '/enterprises/abc', 400),
  get('enterprise with a wrong check character', '/enterprises/91330300000900001A', 400),
  get('an enterprise without records', '/enterprises/91330300000900001X', 404, { code: 'NOT_FOUND' }),
  get('an unknown API path', '/no-such-thing', 404, { code: 'NOT_FOUND' }),
];

const resolve = (url: string) =>
  url.replace(/:(draft|item|publishedItem|published|hitech|user|self)\b/g, (_, key: keyof Ids) => String(ids[key]));

async function run(c: Case): Promise<void> {
  const payload = typeof c.payload === 'function' ? (c.payload as (i: Ids) => unknown)(ids) : c.payload;
  const upload =
    payload && typeof payload === 'object' && 'headers' in payload && 'payload' in payload
      ? (payload as { payload: Buffer; headers: Record<string, string> })
      : null;
  const before = await snapshot();
  const response = await send(c.who ?? 'drc', c.method, resolve(c.url), upload ? upload.payload : payload, {
    ...c.headers,
    ...upload?.headers,
  });
  expect(response.statusCode, response.body.slice(0, 400)).toBe(c.status);
  const { error } = response.json();
  expect(typeof error.code).toBe('string');
  if (c.code) expect(error.code).toBe(c.code);
  expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  if (c.details) {
    expect(error.details.length).toBeGreaterThan(0);
    for (const detail of error.details) expect(typeof (detail.message ?? detail)).toBe('string');
  }
  expect(await snapshot()).toEqual(before);
}

describe.each([
  ['write routes', WRITES],
  ['query routes', QUERIES],
])('bad input to the %s: a 4xx with a Chinese message, nothing written', (_kind, cases) => {
  const named = (list: Case[]) => list.map((c) => [`${c.name} → ${c.status}`, c] as const);
  it.each(named(cases))('%s', (_name, c) => run(c));
});

describe('what an import refusal says', () => {
  const importInto = (file: Buffer, fileName?: string) => {
    const { payload, headers } = upload(file, fileName)();
    return send('drc', 'POST', `/catalog-versions/${ids.draft}/import`, payload, headers);
  };

  it('lists every bad row of a catalog workbook with its row and column, and writes nothing', async () => {
    const response = await importInto(files.badRows);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toEqual([
      expect.objectContaining({ row: 3, column: '类别' }),
      expect.objectContaining({ row: 5, column: '行业代码' }),
      expect.objectContaining({ row: 7, column: '行业代码', message: expect.stringContaining('3619') }),
    ]);
  });

  it('says a non-workbook is not an Excel file', async () => {
    const response = await importInto(Buffer.from('hello'), 'a.txt');
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details[0]).toMatchObject({ row: 0, message: expect.stringContaining('Excel') });
  });

  it('a drc user can still import the good workbook afterwards (the draft was untouched)', async () => {
    const response = await importInto(files.good);
    expect(response.statusCode, response.body).toBe(200);
  });
});

it('the before/after comparison does notice a write (it guards the cases above)', async () => {
  const before = await snapshot();
  const response = await send('drc', 'POST', `/catalog-versions/${ids.draft}/items`, { ...item, industryCode: '8820' });
  expect(response.statusCode, response.body).toBe(201);
  expect(await snapshot()).not.toEqual(before);
});
