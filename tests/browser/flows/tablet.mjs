// The same shell on a 768 × 1024 tablet: login and store fit, the side menu is collapsed.
import { TIMEOUT, byTestId, expectNoHorizontalOverflow, expectText, login } from '../lib/ui.mjs';

/**
 * @param {{ browser: import('playwright-core').Browser, baseUrl: string, shot: Function, log: Function, watch: Function }} ctx
 */
export async function tabletFlow({ browser, baseUrl, shot, log, watch }) {
  const context = await browser.newContext({
    viewport: { width: 768, height: 1024 },
    deviceScaleFactor: 1,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  watch(page);
  try {
    log('• tablet 768 × 1024: login page');
    await page.goto(`${baseUrl}/login`);
    await expectText(byTestId(page, 'login-submit'), '登录', 'tablet login');
    await expectNoHorizontalOverflow(page, 'tablet login');
    const box = await byTestId(page, 'login-submit').boundingBox();
    if (!box || box.height < 44)
      throw new Error(`login button is too small to touch: ${JSON.stringify(box)}`);
    await shot(page, 'tablet-login');

    await login(page, baseUrl, 'admin@demo.test', 'Demo#2026');
    await byTestId(page, 'menu-store').click();
    await page.waitForURL(/\/store/, { timeout: TIMEOUT });
    await byTestId(page, 'module-card-production-knowledge').waitFor({ timeout: TIMEOUT });
    const menuWidth = await byTestId(page, 'side-menu').evaluate((el) => el.getBoundingClientRect().width);
    if (menuWidth > 80)
      throw new Error(`side menu should start collapsed on a tablet, is ${menuWidth}px wide`);
    await expectNoHorizontalOverflow(page, 'tablet store');
    await shot(page, 'tablet-store');

    log('• tablet: the menu expands and collapses');
    await byTestId(page, 'menu-toggle').click();
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="side-menu"]')?.getBoundingClientRect().width ?? 0) > 150,
      undefined,
      { timeout: TIMEOUT },
    );
    await shot(page, 'tablet-menu-open');
    await byTestId(page, 'menu-toggle').click();
  } catch (e) {
    await shot(page, 'FAILED').catch(() => undefined);
    throw e;
  } finally {
    await context.close();
  }
}
