// The admin of the demo tenant subscribes to 生产知识管理, uses it, and unsubscribes.
import { TIMEOUT, byTestId, confirmMessageBox, expectText, field, login } from '../lib/ui.mjs';

const MODULE = 'production-knowledge';
const MENU_ENTRY = `menu-/${MODULE}/articles`;

/**
 * @param {{ browser: import('playwright-core').Browser, baseUrl: string, shot: Function, log: Function, watch: Function }} ctx
 */
export async function subscribeModuleFlow({ browser, baseUrl, shot, log, watch }) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  watch(page);
  try {
    log('• not signed in → the login page, in Chinese');
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login/, { timeout: TIMEOUT });
    await expectText(page.locator('.login__panel'), '欢迎使用数智工厂', 'login page');
    await expectText(byTestId(page, 'login-submit'), '登录', 'login button');
    await shot(page, 'login');

    log('• a wrong password is refused with a message');
    await field(page, 'login-email').fill('admin@demo.test');
    await field(page, 'login-password').fill('wrong-password');
    await byTestId(page, 'login-submit').click();
    await expectText(byTestId(page, 'login-error'), '邮箱或密码错误', 'login error');
    await shot(page, 'login-error');

    log('• admin@demo.test signs in');
    await login(page, baseUrl, 'admin@demo.test', 'Demo#2026');
    await expectText(byTestId(page, 'workbench'), '演示工厂', 'workbench');
    await shot(page, 'workbench');

    log('• 应用市场');
    await byTestId(page, 'menu-store').click();
    await page.waitForURL(/\/store/, { timeout: TIMEOUT });
    const card = byTestId(page, `module-card-${MODULE}`);
    await card.waitFor({ state: 'visible', timeout: TIMEOUT });
    await expectText(card, '生产知识管理', 'store card');
    await expectText(card, '6.00 万元', 'store card price');
    if ((await card.getAttribute('data-state')) === 'subscribed') {
      throw new Error('the demo tenant is already subscribed to production-knowledge: the seed changed?');
    }
    if ((await byTestId(page, MENU_ENTRY).count()) !== 0)
      throw new Error('知识库 is in the menu before subscribing');
    await shot(page, 'store');

    log('• subscribe, confirming price in the dialog');
    await byTestId(page, `subscribe-${MODULE}`).click();
    const box = page.locator('.el-message-box').last();
    await expectText(box, '6.00 万元', 'subscribe confirmation');
    await shot(page, 'subscribe-confirm');
    await confirmMessageBox(page);
    await page
      .locator(`[data-testid="module-card-${MODULE}"][data-state="subscribed"]`)
      .waitFor({ timeout: TIMEOUT });
    const entry = byTestId(page, MENU_ENTRY);
    await expectText(entry, '知识库', 'menu entry after subscribing');
    await shot(page, 'subscribed');

    log('• 知识库: create an article');
    await entry.click();
    await page.waitForURL(/\/production-knowledge\/articles/, { timeout: TIMEOUT });
    await byTestId(page, 'knowledge-articles').waitFor({ timeout: TIMEOUT });
    await shot(page, 'knowledge-empty');
    const title = `数控车床主轴异响处理 ${Date.now().toString(36)}`;
    await byTestId(page, 'article-create').click();
    await byTestId(page, 'article-dialog').waitFor({ timeout: TIMEOUT });
    await field(page, 'article-title').fill(title);
    await field(page, 'article-category').fill('故障处理');
    await field(page, 'article-title').click(); // closes the category suggestions
    await field(page, 'article-content').fill('1. 停机并断电\n2. 检查主轴轴承润滑\n3. 更换磨损轴承后试运行');
    await byTestId(page, 'article-status-published').click();
    await shot(page, 'article-form');
    await byTestId(page, 'article-save').click();
    await byTestId(page, 'article-table')
      .locator('.el-table__row', { hasText: title })
      .waitFor({ timeout: TIMEOUT });
    await shot(page, 'article-created');

    log('• back to the store, unsubscribe');
    await byTestId(page, 'menu-store').click();
    await page.waitForURL(/\/store/, { timeout: TIMEOUT });
    await byTestId(page, `unsubscribe-${MODULE}`).click();
    await expectText(page.locator('.el-message-box').last(), '退订', 'unsubscribe confirmation');
    await shot(page, 'unsubscribe-confirm');
    await confirmMessageBox(page);
    await page
      .locator(`[data-testid="module-card-${MODULE}"][data-state="available"]`)
      .waitFor({ timeout: TIMEOUT });
    await byTestId(page, MENU_ENTRY).waitFor({ state: 'detached', timeout: TIMEOUT });
    await shot(page, 'unsubscribed');

    log('• the module page is closed again: redirected to the store with a message');
    await page.goto(`${baseUrl}/production-knowledge/articles`);
    await page.waitForURL(/\/store\?module=production-knowledge/, { timeout: TIMEOUT });
    await expectText(page.locator('.el-message').last(), '尚未订阅', 'guard message');
    await shot(page, 'guard-redirect');
  } catch (e) {
    await shot(page, 'FAILED').catch(() => undefined);
    throw e;
  } finally {
    await context.close();
  }
}
