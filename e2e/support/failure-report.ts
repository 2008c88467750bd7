import type { Page } from 'playwright-core';

/**
 * What a failed e2e test leaves in the log besides its screenshot: the API's refusals and errors the page received,
 * and the messages it showed. CI keeps only the log, so a flaky failure there must explain itself (a save that the
 * server refused and a save that was never sent look the same in a screenshot-less assertion).
 */
const answersOf = new WeakMap<Page, string[]>();
const KEPT = 20;

/** Keeps the page's last API answers with status ≥ 400 (method, path, status, the start of the body). */
export function recordApiRefusals(page: Page) {
  const answers: string[] = [];
  answersOf.set(page, answers);
  page.on('response', (response) => {
    if (response.status() < 400 || !response.url().includes('/api/')) return;
    const { pathname, search } = new URL(response.url());
    void response
      .text()
      .catch(() => '')
      .then((body) => {
        answers.push(
          `${response.request().method()} ${pathname}${search} → ${response.status()} ${body.slice(0, 300)}`,
        );
        if (answers.length > KEPT) answers.shift();
      });
  });
}

/** The messages, form errors, notifications and dialog titles on the page now, and the API's refusals it received. */
export async function failureReport(page: Page): Promise<string> {
  const shown = await page
    .locator(
      '.ant-message-notice, .ant-form-item-explain-error, .ant-notification-notice, .ant-modal-title, .ant-result-title',
    )
    .allInnerTexts()
    .catch(() => [] as string[]);
  const refusals = answersOf.get(page) ?? [];
  return [
    `address: ${page.url()}`,
    `shown: ${shown.length ? shown.map((text) => text.replace(/\s+/g, ' ')).join(' | ') : '(none)'}`,
    `API refusals (last ${KEPT}): ${refusals.length ? `\n  ${refusals.join('\n  ')}` : '(none)'}`,
  ].join('\n');
}
