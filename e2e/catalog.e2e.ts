import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import {
  apiGet,
  chooseOption,
  columnOf,
  dataRows,
  downloadOf,
  expectText,
  loadWorkbook,
  pickIndustryCode,
  POLL,
  todayInShanghai,
  toast,
} from './support/ui.ts';

/**
 * The foundation issue's e2e: log in, browse a catalog, classify; a drc user publishes a new version and
 * classification follows it; an Excel import with a bad cell lists its errors row by row.
 */
let server: AppServer;
let page: Page;

type CatalogJson = {
  id: number;
  version: string;
  state: string;
  items: Array<{ industryCode: string; category: string }>;
};
type VersionJson = { id: number; version: string; state: string; itemCount: number; effectiveDate: string | null };

const NEW_VERSION = '2026年本';
const IMPORT_VERSION = '2027年本（导入测试）';

appInBrowser((session) => ({ server, page } = session));

const api = <T>(path: string) => apiGet<T>(page, server.baseUrl, path);

async function signIn(username: string) {
  await loginAs(page, server.baseUrl, username, DEMO_PASSWORD);
  await page.getByTestId('header-bar').waitFor();
}

async function signOut() {
  await page.getByTestId('logout-button').click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByTestId('login-card').waitFor();
}

/** Runs the classification check of the browse page and waits for the answer of this code. */
async function classifyCode(code: string) {
  await pickIndustryCode(page, 'classify-code', code);
  const answered = page.waitForResponse(
    (response) => response.url().includes('/classify') && response.url().includes(`industryCode=${code}`),
  );
  await page.getByTestId('classify-submit').click();
  expect((await answered).status()).toBe(200);
  await expectText(page.getByTestId('classify-result'), `${code} `);
}

/** The class tags of the rows now shown in a catalog table. */
function rowCategories(tableTestId: string) {
  return page.locator(`[data-testid="${tableTestId}"] .ant-table-row td:first-child .ant-tag`).allInnerTexts();
}

describe('catalog: browse, classify, publish, import', () => {
  it('zn browses the 浙南 catalog, filters by class, classifies and exports it to Excel', async () => {
    await signIn('zn');
    // Signed in on the 工作台; 目录浏览 is one click away in the menu.
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByTestId('menu-catalog').click();
    await page.waitForURL((url) => url.pathname === '/catalog');
    // The shell says who is signed in: name, role and platform.
    await expectText(page.getByTestId('header-user'), '浙南管委会 黄主任');
    await expectText(page.getByTestId('header-role'), '平台管委会');
    await expectText(page.getByTestId('header-platform'), '浙南产业集聚区');
    await expectText(page.getByTestId('page-title'), '目录浏览');
    // A platform user may not edit catalogs or manage users: those menu entries are not there.
    expect(await page.getByTestId('menu-catalog-editor').count()).toBe(0);
    expect(await page.getByTestId('menu-admin-users').count()).toBe(0);

    // A platform user starts on their own platform's catalog in force.
    await expectText(page.locator('[data-testid="platform-tabs"] .ant-tabs-tab-active'), '浙南产业集聚区');
    await expectText(page.getByTestId('catalog-card'), '浙南产业集聚区产业准入指导目录');
    await expectText(page.getByTestId('catalog-version-name'), '2018年本');
    const catalog = await api<CatalogJson>('/catalogs/zhenan');
    expect(catalog.version).toBe('2018年本');
    expect(catalog.items.length).toBeGreaterThan(20);
    await expectText(page.getByTestId('catalog-table'), `共 ${catalog.items.length} 条`);
    const firstPage = await rowCategories('catalog-table');
    expect(firstPage).toHaveLength(20);
    expect(firstPage.every((label) => ['鼓励类', '限制类', '淘汰类'].includes(label))).toBe(true);

    // Filter by class: only 限制类 rows remain, as many as the filter's own count says.
    const restricted = catalog.items.filter((item) => item.category === 'restricted').length;
    expect(restricted).toBeGreaterThan(0);
    await page.getByTestId('category-filter').getByText(`限制类（${restricted}）`, { exact: true }).click();
    await expectText(page.getByTestId('catalog-table'), `共 ${restricted} 条`);
    const shown = await rowCategories('catalog-table');
    expect(shown.length).toBe(Math.min(restricted, 20));
    expect(new Set(shown)).toEqual(new Set(['限制类']));
    await screenshot(page, 'catalog-browse');
    await page.getByTestId('category-filter').getByText(`全部（${catalog.items.length}）`, { exact: true }).click();
    await expectText(page.getByTestId('catalog-table'), `共 ${catalog.items.length} 条`);

    // 3612 (汽车整车 小类) is 鼓励类 through the 中类 361 item; the explanation names the rule.
    await classifyCode('3612');
    const category = page.getByTestId('classify-category');
    await expectText(category, '鼓励类');
    expect(await category.getAttribute('data-category')).toBe('encouraged');
    const explanation = page.getByTestId('classify-explanation');
    await expectText(explanation, '行业代码 3612');
    const text = await explanation.innerText();
    expect(text).toContain('浙南产业集聚区产业准入指导目录（2018年本）鼓励类');
    expect(text).toContain('按所属中类 361 匹配');
    expect(text).toContain('依据：平台主导产业（§一(一)）');
    await expectText(page.getByTestId('classify-item'), '361');
    await expectText(page.getByTestId('classify-result'), '2018年本');
    await screenshot(page, 'catalog-classify');

    // 8810 (文艺创作与表演) is in no item: 未列入目录, and the system says which policy applies instead.
    await classifyCode('8810');
    await expectText(category, '未列入目录');
    expect(await category.getAttribute('data-category')).toBe('unlisted');
    await expectText(explanation, '行业代码 8810');
    expect(await explanation.innerText()).toContain('按国家、省、市其他有关产业政策执行');
    await expectText(page.getByTestId('classify-result'), '无（目录未列入）');

    // Export to Excel: one row per catalog item under the header.
    const { download, buffer } = await downloadOf(page, page.getByTestId('export-button'));
    expect(download.suggestedFilename()).toBe('浙南产业集聚区产业准入指导目录（2018年本）.xlsx');
    const workbook = await loadWorkbook(buffer);
    const sheet = workbook.getWorksheet('准入目录');
    expect(sheet).toBeDefined();
    const rows = dataRows(sheet!);
    expect(rows).toHaveLength(catalog.items.length);
    const codeColumn = columnOf(sheet!, '行业代码');
    expect(rows.map((row) => row.getCell(codeColumn).text)).toEqual(catalog.items.map((item) => item.industryCode));
    expect(rows[0]!.getCell(columnOf(sheet!, '类别')).text).toMatch(/^(鼓励类|限制类|淘汰类)$/);
    await signOut();
  });

  it('drc drafts 2026年本 for 浙南, adds 8810 as 鼓励类, compares, publishes today, and classification follows', async () => {
    const today = todayInShanghai();
    await signIn('drc');
    await page.getByTestId('menu-catalog-editor').click();
    await page.waitForURL((url) => url.pathname === '/catalog/editor');
    await page.getByTestId('platform-tab-zhenan').click();
    await page.waitForURL((url) => url.searchParams.get('platform') === 'zhenan');
    const before = await api<CatalogJson>('/catalogs/zhenan');

    // New draft: a copy of the version in force.
    await page.getByTestId('new-draft-button').click();
    await page.locator('[data-testid="new-draft-version"]').fill(NEW_VERSION);
    await page.getByRole('button', { name: '创建草稿' }).click();
    await toast(page, `已创建草稿“${NEW_VERSION}”，共 ${before.items.length} 条`).waitFor();
    const editor = page.getByTestId('draft-editor');
    await expectText(editor, `草稿：${NEW_VERSION}`);
    await expectText(editor.getByTestId('draft-table'), `共 ${before.items.length} 条`);

    // One new item: 8810 as 鼓励类 with a basis that may justify 鼓励类, and a note.
    await page.getByTestId('add-item-button').click();
    const form = page.getByTestId('item-form');
    await form.waitFor();
    await form.getByTestId('item-category').getByText('鼓励类', { exact: true }).click();
    await pickIndustryCode(page, 'item-code', '8810');
    await chooseOption(page, 'item-basis', '特色产业或有未来发展潜力的新兴产业（§一(一)）');
    await page.getByTestId('item-note').fill('文化创意产业：文艺创作与表演，列为鼓励发展的新兴产业（e2e）');
    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/items') && response.request().method() === 'POST',
    );
    await page.getByTestId('item-save').click();
    expect((await saved).status()).toBeLessThan(300);
    await form.waitFor({ state: 'detached' });
    await expectText(editor.getByTestId('draft-table'), `共 ${before.items.length + 1} 条`);
    await editor.locator('[data-testid="catalog-search"] input').fill('8810');
    await expectText(editor.getByTestId('draft-table'), '共 1 条');
    const added = editor.locator('[data-testid="draft-table"] .ant-table-row');
    await expectText(added, '文艺创作与表演');
    expect(await added.innerText()).toContain('鼓励类');
    expect(await added.innerText()).toContain('特色产业或有未来发展潜力的新兴产业（§一(一)）');

    // The diff against 2018年本: exactly this one item added.
    await page.getByTestId('diff-button').click();
    const diff = page.locator('.ant-drawer [data-testid="diff-view"]');
    await diff.waitFor();
    await expectText(diff, '对比基准：2018年本（现行有效）');
    expect(await diff.innerText()).toMatch(/新增 1 条，删除\s*0 条，变更 0 条，未变 \d+ 条/);
    await expectText(diff.getByTestId('diff-added'), '8810');
    expect(await diff.getByTestId('diff-added').innerText()).toContain('文艺创作与表演');
    expect(await diff.getByTestId('diff-problems').count()).toBe(0);
    await screenshot(page, 'catalog-diff', { fullPage: false });
    await page.locator('.ant-drawer .ant-drawer-close').click();
    await diff.waitFor({ state: 'detached' });

    // Publish, effective today (Asia/Shanghai).
    await page.getByTestId('publish-button').click();
    const modal = page.locator('.ant-modal').filter({ hasText: `发布目录 · ${NEW_VERSION}` });
    await modal.getByTestId('diff-view').waitFor();
    expect(await modal.locator('[data-testid="publish-date"]').inputValue()).toBe(today);
    const confirm = page.getByTestId('publish-confirm');
    await expect.poll(() => confirm.isEnabled(), POLL).toBe(true);
    await screenshot(page, 'catalog-editor', { fullPage: false });
    const published = page.waitForResponse((response) => response.url().endsWith('/publish'));
    await confirm.click();
    expect((await published).status()).toBe(200);
    await toast(page, `“${NEW_VERSION}”已发布，${today} 起生效`).waitFor();
    await modal.waitFor({ state: 'detached' });
    await expectText(
      page.locator('.ant-card').filter({ hasText: '现行有效版本' }),
      `现行有效版本：${NEW_VERSION}（${today} 起生效，${before.items.length + 1} 条）`,
    );
    expect(await page.getByTestId('draft-editor').count()).toBe(0);

    const versions = await api<VersionJson[]>('/catalogs/zhenan/versions');
    expect(versions.find((version) => version.version === NEW_VERSION)).toMatchObject({
      state: 'in_force',
      effectiveDate: today,
    });
    expect(versions.find((version) => version.version === '2018年本')?.state).toBe('superseded');
    await signOut();

    // zn: the catalog in force is now 2026年本, and 8810 is 鼓励类 by it.
    await signIn('zn');
    await page.getByTestId('menu-catalog').click();
    await page.waitForURL((url) => url.pathname === '/catalog');
    await expectText(page.getByTestId('catalog-version-name'), NEW_VERSION);
    await expectText(page.getByTestId('catalog-effective-date'), today);
    await classifyCode('8810');
    const category = page.getByTestId('classify-category');
    await expectText(category, '鼓励类');
    expect(await category.getAttribute('data-category')).toBe('encouraged');
    const explanation = await page.getByTestId('classify-explanation').innerText();
    expect(explanation).toContain(`浙南产业集聚区产业准入指导目录（${NEW_VERSION}）鼓励类`);
    expect(explanation).toContain('依据：特色产业或有未来发展潜力的新兴产业（§一(一)）');
    const versionRow = page
      .locator('[data-testid="classify-result"] .ant-descriptions-row')
      .filter({ hasText: '目录版本' });
    await expectText(versionRow, NEW_VERSION);
    await expectText(page.getByTestId('version-history'), '2018年本');
    await screenshot(page, 'catalog-follows');
    await signOut();
  });

  it('an import with a bad cell writes nothing and lists the errors row by row', async () => {
    await signIn('drc');
    await page.goto(`${server.baseUrl}/catalog/editor?platform=zhenan`);
    await page.getByTestId('new-draft-button').click();
    await page.locator('[data-testid="new-draft-version"]').fill(IMPORT_VERSION);
    await page.getByRole('button', { name: '创建草稿' }).click();
    const editor = page.getByTestId('draft-editor');
    await expectText(editor, `草稿：${IMPORT_VERSION}`);
    const draft = (await api<VersionJson[]>('/catalogs/zhenan/versions')).find(
      (version) => version.version === IMPORT_VERSION,
    )!;
    expect(draft.state).toBe('draft');
    const original = await api<CatalogJson>(`/catalog-versions/${draft.id}`);

    // The draft's own export, with two cells broken: an unknown class and a code not in GB/T 4754-2017.
    const { buffer } = await downloadOf(page, editor.getByTestId('export-button'));
    const workbook = await loadWorkbook(buffer);
    const sheet = workbook.getWorksheet('准入目录')!;
    expect(dataRows(sheet)).toHaveLength(original.items.length);
    sheet.getRow(2).getCell(columnOf(sheet, '类别')).value = '优先类';
    sheet.getRow(4).getCell(columnOf(sheet, '行业代码')).value = '9999';
    const broken = Buffer.from(await workbook.xlsx.writeBuffer());

    await page.getByTestId('import-button').click();
    const modal = page.locator('.ant-modal').filter({ hasText: `Excel 导入 · ${IMPORT_VERSION}` });
    await modal.waitFor();
    const refused = page.waitForResponse((response) => response.url().endsWith('/import'));
    await modal.locator('input[type="file"]').setInputFiles({
      name: '浙南目录（有错误）.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: broken,
    });
    expect((await refused).status()).toBe(422);
    await expectText(modal.getByTestId('import-error'), '导入文件有 2 处错误，未导入任何数据，请修改后重新导入');
    const errors = modal.getByTestId('import-errors');
    expect(await errors.locator('thead th').allInnerTexts()).toEqual(['行', '列', '错误说明']);
    const cells = await errors
      .locator('tbody tr.ant-table-row')
      .evaluateAll((rows) =>
        rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => (cell.textContent ?? '').trim())),
      );
    expect(cells).toEqual([
      ['2', '类别', '类别“优先类”无法识别，应为鼓励类、限制类或淘汰类'],
      ['4', '行业代码', '行业代码 9999 不在 GB/T 4754-2017 中'],
    ]);
    await screenshot(page, 'catalog-import-errors', { fullPage: false });

    // Nothing was written: the draft still holds its copied items, unchanged.
    const after = await api<CatalogJson>(`/catalog-versions/${draft.id}`);
    expect(after.items.map((item) => [item.industryCode, item.category])).toEqual(
      original.items.map((item) => [item.industryCode, item.category]),
    );

    // The unbroken export imports cleanly into the same draft (round trip).
    const accepted = page.waitForResponse((response) => response.url().endsWith('/import'));
    await modal.locator('input[type="file"]').setInputFiles({
      name: '浙南目录.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    expect((await accepted).status()).toBe(200);
    await expectText(modal.getByTestId('import-result'), `已导入 ${original.items.length} 条条目`);
    await modal.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await modal.waitFor({ state: 'hidden' });
    await expectText(editor.getByTestId('draft-table'), `共 ${original.items.length} 条`);
  });
});
