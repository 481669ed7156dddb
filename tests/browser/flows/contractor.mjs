// A contractor belongs to two tenants and switches between them in the header; a workshop lead
// may look at the store but not subscribe.
import { TIMEOUT, byTestId, expectText, login } from '../lib/ui.mjs';

const NAMES = { demo: '演示工厂', demo2: '演示工厂二' };

/**
 * @param {{ browser: import('playwright-core').Browser, baseUrl: string, shot: Function, log: Function, watch: Function }} ctx
 */
export async function contractorFlow({ browser, baseUrl, shot, log, watch }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  watch(page);
  try {
    log('• contractor@demo.test: tenant switcher in the header');
    await login(page, baseUrl, 'contractor@demo.test', 'Contractor#2026');
    const switcher = byTestId(page, 'tenant-switcher');
    await switcher.waitFor({ timeout: TIMEOUT });
    const workbench = byTestId(page, 'workbench');
    const current = (await workbench.innerText()).includes(NAMES.demo2) ? 'demo2' : 'demo';
    const other = current === 'demo' ? 'demo2' : 'demo';
    await shot(page, 'contractor-workbench');

    await switcher.click();
    await page
      .locator('.el-select-dropdown__item', { hasText: new RegExp(`^\\s*${NAMES[other]}\\s*$`) })
      .click();
    await expectText(workbench, `当前租户：${NAMES[other]}`, 'workbench after switching tenant');
    await shot(page, 'contractor-switched');

    log('• lead@demo.test (operator role): the store is read-only');
    await byTestId(page, 'user-menu').click();
    await byTestId(page, 'logout').click();
    await page.waitForURL(/\/login/, { timeout: TIMEOUT });
    await login(page, baseUrl, 'lead@demo.test', 'Lead#2026');
    await byTestId(page, 'menu-store').click();
    const subscribe = byTestId(page, 'subscribe-production-knowledge');
    await subscribe.waitFor({ timeout: TIMEOUT });
    if (!(await subscribe.isDisabled()))
      throw new Error('the subscribe button is enabled for a workshop lead');
    await shot(page, 'lead-store-read-only');
  } catch (e) {
    await shot(page, 'FAILED').catch(() => undefined);
    throw e;
  } finally {
    await context.close();
  }
}
