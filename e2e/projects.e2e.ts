import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { animationsSettled, loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import {
  apiGet,
  chooseOption,
  columnOf,
  dataRows,
  downloadOf,
  expectText,
  followLink,
  loadWorkbook,
  openDropdown,
  POLL,
  toast,
} from './support/ui.ts';

/**
 * Issue #3 end to end: a 浙南 user reports a project (class and R2.1 check live, a suggested industry code),
 * evaluates it and moves it on; the bureau confirms it into the tracking library and circulates it to 高新区;
 * the ledger exports what it shows. Runs on the demo ledger (~60 projects) like `npm start`.
 */
let server: AppServer;
let page: Page;
appInBrowser((session) => ({ server, page } = session), { demoProjects: true });

type ProjectJson = {
  id: number;
  name: string;
  status: string;
  version: number;
  platformKey: string;
  firstReport: boolean;
};
type PageJson = { items: ProjectJson[]; total: number };

const api = <T>(path: string) => apiGet<T>(page, server.baseUrl, path);

/** An antd InputNumber's <input>, whether the testid lands on its wrapper or on the input itself. */
const numberInput = (testId: string) =>
  page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first();

const PROJECT_NAME = '瓯越智能机器人整机制造项目';
let projectId = 0;

/** Confirms the open stage-move dialog (date defaults to today) and waits for the server's answer. */
async function confirmMove(id: number, expected = 200) {
  const confirm = page.getByTestId('stage-move-confirm');
  await expect.poll(() => confirm.isEnabled(), POLL).toBe(true);
  const answered = page.waitForResponse((r) => r.url().endsWith(`/projects/${id}/transitions`));
  await confirm.click();
  expect((await answered).status()).toBe(expected);
}

/** Clicks the advance button, confirms the move with its date, and waits for the page to show the new stage. */
async function advanceTo(status: string) {
  const button = page.getByTestId('project-advance');
  await expect.poll(() => button.getAttribute('data-to'), POLL).toBe(status);
  await expect.poll(() => button.isEnabled(), POLL).toBe(true);
  await button.click();
  await confirmMove(projectId);
  await expect.poll(async () => (await api<ProjectJson>(`/projects/${projectId}`)).status, POLL).toBe(status);
}

describe('investment projects in the browser', () => {
  it('a platform user reports a project with the live class, R2.1 check and a suggested industry code', async () => {
    await loginAs(page, server.baseUrl, 'zn', DEMO_PASSWORD);
    await page.getByTestId('menu-projects-new').click();
    await page.getByTestId('report-form').waitFor();
    await page.getByTestId('report-name').fill(PROJECT_NAME);
    await page.getByTestId('report-investor').fill('温州瓯越机器人科技有限公司');
    // Typed as people type (issue #9): one digit, a name, a code backspaced to one digit — never a crash.
    const code = page.locator('[data-testid="report-industry"] input');
    await code.pressSequentially('3', { delay: 30 });
    await expectText(page.getByTestId('preview-waiting'), '尚未填完');
    await code.pressSequentially('612', { delay: 30 });
    await expectText(page.getByTestId('preview-category'), '类');
    for (let i = 0; i < 3; i++) await code.press('Backspace');
    await expectText(page.getByTestId('preview-waiting'), '尚未填完');
    await code.press('Backspace');
    await code.pressSequentially('汽车', { delay: 30 });
    await expectText(page.getByTestId('preview-waiting'), '请从下拉建议中选择');
    await openDropdown(page).getByTestId('industry-option-3620').waitFor();
    await screenshot(page, 'project-report-suggestions');
    await code.press('Control+A');
    await code.press('Backspace');
    await code.pressSequentially('9999', { delay: 30 });
    await expectText(page.getByTestId('preview-waiting'), '没有代码 9999');
    await code.press('Control+A');
    await code.press('Backspace');
    await page.getByTestId('report-description').pressSequentially('工业机器人本体及减速器研发生产', { delay: 10 });
    // Intl.Segmenter('zh') in the browser joins 工业|机器|人 and matches the industry name.
    await page.getByTestId('suggestion-3491').click();
    await expect.poll(() => page.locator('[data-testid="report-industry"] input').inputValue(), POLL).toBe('3491');
    await expectText(page.getByTestId('preview-category'), '鼓励类');
    await numberInput('report-total').fill('80000');
    await numberInput('report-fixed').fill('35000');
    await numberInput('report-land').fill('100');
    await numberInput('report-tax').fill('4000');
    // 35000 / 100 = 350: not above the bar; 4000 / 100 = 40: not above either → fails, both reasons shown.
    await expectText(page.getByTestId('access-verdict'), '不符合准入标准');
    await expectText(page.getByTestId('access-preview'), '投资强度或亩均税收满足其一');
    expect(await page.getByTestId('check-intensity').getAttribute('data-mark')).toBe('no');
    expect(await page.getByTestId('check-category').getAttribute('data-mark')).toBe('yes');
    await numberInput('report-fixed').fill('35000.01');
    await expectText(page.getByTestId('access-verdict'), '符合准入标准');
    await expect.poll(() => page.getByTestId('check-intensity').getAttribute('data-mark'), POLL).toBe('yes');
    await screenshot(page, 'project-report-form', { fullPage: true });

    // Nothing typed is lost: a reload and Back/Forward bring the form back from the tab's session storage.
    await page.reload();
    await page.getByTestId('report-draft-restored').waitFor();
    await expect.poll(() => page.getByTestId('report-name').inputValue(), POLL).toBe(PROJECT_NAME);
    await expect.poll(() => code.inputValue(), POLL).toBe('3491');
    await page.goBack();
    await page.goForward();
    await page.getByTestId('report-form').waitFor();
    await expect.poll(() => page.getByTestId('report-name').inputValue(), POLL).toBe(PROJECT_NAME);
    await expectText(page.getByTestId('access-verdict'), '符合准入标准');

    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/projects') && r.request().method() === 'POST',
    );
    await page.getByTestId('report-submit').click();
    const response = await created;
    expect(response.status()).toBe(201);
    projectId = ((await response.json()) as ProjectJson).id;
    await page.waitForURL((url) => url.pathname === `/projects/${projectId}`);
    await expectText(page.getByTestId('project-name'), PROJECT_NAME);
    // Submitted: the draft is gone, the next report starts empty.
    expect(
      await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.includes('report-draft'))),
    ).toEqual([]);
    const saved = await api<
      ProjectJson & { category: string; fixedAssetInvestment: string; landMu: string; industryCode: string }
    >(`/projects/${projectId}`);
    expect(saved).toMatchObject({
      status: 'reported',
      firstReport: true,
      platformKey: 'zhenan',
      industryCode: '3491',
      category: 'encouraged',
      landMu: '100.000000',
    });
    expect(Number(saved.fixedAssetInvestment)).toBe(35000.01);
  });

  it('the platform user evaluates it on the sheet and moves it to 准入评估', async () => {
    await advanceTo('feasible');
    await advanceTo('plan_submitted');
    // A move by mistake is undone by the same role: a new history entry, back one stage.
    await page.getByTestId('project-undo').click();
    const undone = page.waitForResponse((r) => r.url().endsWith(`/projects/${projectId}/transitions/undo`));
    await page.getByTestId('undo-confirm').click();
    expect((await undone).status()).toBe(200);
    await expect.poll(async () => (await api<ProjectJson>(`/projects/${projectId}`)).status, POLL).toBe('feasible');
    await expectText(page.getByTestId('project-timeline'), '撤销“投资方案已报”，退回“可行性确认”');
    await advanceTo('plan_submitted');
    await page.getByTestId('project-evaluate').click();
    await page.getByTestId('evaluation-sheet').waitFor();
    // The items the system computes from the figures are pre-filled and say so.
    await expectText(page.getByTestId('evaluation-prefill-note'), '产业类别、投资强度、税收强度');
    await expectText(page.getByTestId('prefill-investment_intensity'), '系统预填 10 分');
    await expect.poll(() => numberInput('score-tax_intensity').inputValue(), POLL).toMatch(/^15(\.0)?$/);
    // Esc with changes asks first; 继续填写 keeps everything.
    await numberInput('score-energy').pressSequentially('7', { delay: 30 });
    await page.keyboard.press('Escape');
    await page.getByTestId('evaluation-discard').waitFor();
    await screenshot(page, 'project-evaluation-close-asks');
    await page.getByRole('button', { name: '继续填写' }).click();
    // As a person does, type on once the question has gone: while it fades out its focus trap can pull the focus
    // back, and text typed then lands nowhere (seen once in a CI run at full load: one score kept its old value).
    await page.getByTestId('evaluation-discard').waitFor({ state: 'hidden' });
    await animationsSettled(page);
    await expect.poll(() => numberInput('score-energy').inputValue(), POLL).toMatch(/^7(\.0)?$/);
    const settings = await api<{ evaluationSheet: { items: Array<{ code: string; maxScore: number }> } }>(
      '/project-settings',
    );
    for (const item of settings.evaluationSheet.items) {
      const input = numberInput(`score-${item.code}`);
      await input.fill(String(item.maxScore - 1));
      await input.blur();
      await expect.poll(() => input.inputValue(), POLL).toMatch(new RegExp(`^${item.maxScore - 1}(\\.0)?$`));
    }
    const expectedTotal = settings.evaluationSheet.items.reduce((sum, item) => sum + item.maxScore - 1, 0);
    await expectText(page.getByTestId('evaluation-total'), `${expectedTotal} / 100`);
    await expectText(page.getByTestId('evaluation-drawer').getByTestId('access-verdict'), '符合准入标准');
    await page.getByTestId('evaluation-opinion').fill('投资强度 350.0001 万元/亩，高于标准；同意进入盯引库。');
    await screenshot(page, 'project-evaluation-sheet');
    await page.getByTestId('evaluation-submit').click();
    await expectText(page.getByTestId('evaluation-result'), '准入评估通过');
    await page.getByTestId('evaluation-close').click();
    await expectText(page.getByTestId('evaluation-record'), `${expectedTotal} 分`);
    await advanceTo('evaluated');
    // Only the bureau confirms into the tracking library (R2.4): a platform user sees no such button.
    await expect.poll(() => page.getByTestId('project-advance').count(), POLL).toBe(0);
  });

  it('the bureau confirms it from the queue and circulates it to 高新区 at 0.3 / 0.7', async () => {
    await loginAs(page, server.baseUrl, 'bureau', DEMO_PASSWORD);
    await page.getByTestId('menu-projects-queue').click();
    const confirm = page.getByTestId(`queue-confirm-${projectId}`);
    await expect.poll(() => confirm.isEnabled(), POLL).toBe(true);
    await screenshot(page, 'project-queue');
    // A double click opens one confirmation; a double click on its 确认 sends one move; the row stays disabled.
    await confirm.dblclick();
    await page.getByTestId('stage-move-confirm').waitFor();
    await screenshot(page, 'project-queue-confirm-date');
    const moves: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/transitions') && r.method() === 'POST') moves.push(r.url());
    });
    await page.getByTestId('stage-move-confirm').dblclick();
    await expect.poll(async () => (await api<ProjectJson>(`/projects/${projectId}`)).status, POLL).toBe('tracked');
    await expect.poll(() => page.getByTestId(`queue-confirm-${projectId}`).count(), POLL).toBe(0);
    expect(moves).toEqual([`${server.baseUrl}/api/v1/projects/${projectId}/transitions`]);

    await followLink(page, `/projects/${projectId}`);
    await page.getByTestId('project-circulate').click();
    await chooseOption(page, 'circulation-to', '高新区');
    await expectText(page.getByTestId('circulation-destination-class'), '鼓励类');
    const share = numberInput('circulation-share');
    await share.fill('0.3');
    await page.getByTestId('circulation-reason').fill('浙南用地指标不足，高新区有现成工业用地');
    await expectText(page.getByTestId('circulation-modal'), '落地地 70%');
    const circulated = page.waitForResponse((r) => r.url().endsWith(`/projects/${projectId}/circulations`));
    await page.getByTestId('circulation-confirm').click();
    expect((await circulated).status()).toBe(201);
    await toast(page, '首谈地 30%，落地地 70%').waitFor();
    await expectText(page.getByTestId('project-timeline'), '由浙南流转至高新区，首谈地分成 30%，落地地分成 70%');
    expect((await api<ProjectJson>(`/projects/${projectId}`)).platformKey).toBe('hitech');
    await screenshot(page, 'project-page', { fullPage: true });

    // D10: the first-negotiation platform still reads it, read-only, with its share.
    await loginAs(page, server.baseUrl, 'zn', DEMO_PASSWORD);
    await followLink(page, `/projects/${projectId}`);
    await expectText(page.getByTestId('circulation-notice'), '本平台只读');
    await expectText(page.getByTestId('circulation-shares'), '首谈地浙南 30%');
    expect(await page.getByTestId('project-actions').count()).toBe(0);
    await screenshot(page, 'project-page-circulated-away');
    await loginAs(page, server.baseUrl, 'bureau', DEMO_PASSWORD);
  });

  it('the ledger filters to 高新区 and exports exactly the rows it shows', async () => {
    await page.getByTestId('side-menu').getByText('项目台账').click();
    await page.getByTestId('ledger-table').waitFor();
    await expectText(page.getByTestId('ledger-title'), '全部平台项目');
    // The demo ledger has more than one page of 50: a filter chosen on page 2 shows its own page 1.
    const all = await api<PageJson>('/projects?pageSize=1');
    expect(all.total).toBeGreaterThan(50);
    await page.locator('[data-testid="ledger-table"] .ant-pagination-item-2').click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await chooseOption(page, 'ledger-filter-platform', '高新区');
    await page.getByTestId('ledger-search').click();
    await page.waitForURL((url) => url.searchParams.get('platformKey') === 'hitech');
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    const expected = await api<PageJson>('/projects?platformKey=hitech&pageSize=500');
    expect(expected.items.map((p) => p.id)).toContain(projectId);
    const shownIds = async () =>
      await page
        .locator('[data-testid="ledger-table"] tbody tr[data-row-key]')
        .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-row-key'))));
    /** The ledger shows 高新区's projects: the field, the count and the rows (the filter, not only the address). */
    const showsHitech = async () => {
      await expectText(page.getByTestId('ledger-filter-platform'), '高新区');
      await expectText(page.getByTestId('ledger-title'), '高新区平台项目');
      await expectText(page.getByTestId('ledger-total'), `共 ${expected.total} 个项目`);
      await expect.poll(shownIds, POLL).toEqual(expected.items.slice(0, 50).map((p) => p.id));
    };
    await showsHitech();
    await screenshot(page, 'project-ledger');
    // Issue #11: the filter survives a visit elsewhere and Back.
    await page.getByTestId('side-menu').getByText('阶段看板').click();
    await page.getByTestId('stage-board').waitFor();
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/projects' && url.searchParams.get('platformKey') === 'hitech');
    await showsHitech();
    // At 1440 px the table scrolls sideways with a visible bar; hidden columns are remembered for this user.
    await page.locator('.ant-table-sticky-scroll').waitFor();
    const headers = () => page.locator('[data-testid="ledger-table"] thead th').allInnerTexts();
    expect(await headers()).toContain('投资方');
    await page.getByTestId('ledger-columns').click();
    await page.getByTestId('ledger-column-options').getByText('投资方', { exact: true }).click();
    await expect.poll(headers, POLL).not.toContain('投资方');
    // A reload keeps both the filter (the address) and the hidden column (this user's choice).
    const listed = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/projects' && r.request().method() === 'GET',
    );
    await page.reload();
    await page.getByTestId('ledger-table').waitFor();
    // Issue #15: the ledger downloads only the fields its columns show, not each project's description and the rest.
    const listAnswer = await listed;
    expect(new URL(listAnswer.url()).searchParams.get('fields')).toContain('negotiationDeadline');
    const listedFields = Object.keys(((await listAnswer.json()) as { items: object[] }).items[0]!);
    expect(listedFields).toContain('status');
    expect(listedFields).not.toContain('description');
    await expect.poll(headers, POLL).toContain('阶段');
    expect(await headers()).not.toContain('投资方');
    await showsHitech();
    await page.getByTestId('ledger-columns').click();
    await page.getByTestId('ledger-column-options').getByText('投资方', { exact: true }).click();
    await expect.poll(headers, POLL).toContain('投资方');
    await page.keyboard.press('Escape');

    const { buffer } = await downloadOf(page, page.getByTestId('ledger-export'));
    const workbook = await loadWorkbook(buffer);
    const sheet = workbook.worksheets[0]!;
    const rows = dataRows(sheet);
    const idColumn = columnOf(sheet, '项目编号');
    const nameColumn = columnOf(sheet, '项目名称');
    expect(rows.map((row) => Number(row.getCell(idColumn).value))).toEqual(expected.items.map((p) => p.id));
    expect(rows.map((row) => row.getCell(nameColumn).text)).toEqual(expected.items.map((p) => p.name));
    const ours = rows.find((row) => Number(row.getCell(idColumn).value) === projectId)!;
    expect(ours.getCell(columnOf(sheet, '首报平台')).text).toContain('浙南');
    expect(ours.getCell(columnOf(sheet, '阶段')).text).toBe('盯引库');

    // A typed link with values the ledger does not know: those are ignored, the known one still filters.
    await page.goto(`${server.baseUrl}/projects?platformKey=hitech&status=bogus&sizeTier=9yi&overdue=yes&q=%00`);
    await showsHitech();
    for (const testId of ['ledger-filter-status', 'ledger-filter-size', 'ledger-filter-overdue'])
      await expectText(page.getByTestId(testId), '全部');
  });

  it('the stage board shows each stage with its count; a platform user drags a card to the next stage', async () => {
    await page.getByTestId('side-menu').getByText('阶段看板').click();
    await page.getByTestId('stage-board').waitFor();
    const reported = await api<PageJson>('/projects?status=reported&pageSize=1');
    await expectText(page.getByTestId('board-count-reported'), String(reported.total));
    await screenshot(page, 'project-board');

    await loginAs(page, server.baseUrl, 'zn', DEMO_PASSWORD);
    await followLink(page, '/projects/board');
    const mine = await api<PageJson>('/projects?status=reported&pageSize=1');
    const card = mine.items[0]!;
    // A drop on a stage it cannot enter says why and changes nothing.
    await page.getByTestId(`board-card-${card.id}`).dragTo(page.getByTestId('board-column-tracked'));
    await toast(page, '只有市招商局可以').waitFor();
    expect((await api<ProjectJson>(`/projects/${card.id}`)).status).toBe('reported');
    // 签约 and 落地 are reachable: the board scrolls sideways.
    await page.getByTestId('board-column-landed').scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('board-column-landed').isVisible(), POLL).toBe(true);
    await screenshot(page, 'project-board-scrolled');
    await page.getByTestId('board-column-reported').scrollIntoViewIfNeeded();
    await page.getByTestId(`board-card-${card.id}`).dragTo(page.getByTestId('board-column-feasible'));
    await confirmMove(card.id);
    await expect.poll(async () => (await api<ProjectJson>(`/projects/${card.id}`)).status, POLL).toBe('feasible');
    await expect
      .poll(() => page.getByTestId('board-column-feasible').getByTestId(`board-card-${card.id}`).count(), POLL)
      .toBe(1);
  });
});
