// The platform operator: no store, 租户管理 with create / suspend / resume.
import { randomBytes } from 'node:crypto';
import { TIMEOUT, byTestId, confirmMessageBox, expectText, field, login } from '../lib/ui.mjs';

/**
 * @param {{ browser: import('playwright-core').Browser, baseUrl: string, shot: Function, log: Function, watch: Function }} ctx
 */
export async function operatorFlow({ browser, baseUrl, shot, log, watch }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  watch(page);
  try {
    log('• operator@platform.test signs in: platform scope, tenant management, no store');
    await login(page, baseUrl, 'operator@platform.test', 'Operator#2026');
    await byTestId(page, 'platform-scope').waitFor({ timeout: TIMEOUT });
    if ((await byTestId(page, 'menu-store').count()) !== 0) throw new Error('the operator sees the store');
    await byTestId(page, 'menu-tenants').click();
    await page.waitForURL(/\/platform\/tenants/, { timeout: TIMEOUT });
    const table = byTestId(page, 'tenants-table');
    await table.locator('.el-table__row', { hasText: 'demo' }).first().waitFor({ timeout: TIMEOUT });
    await shot(page, 'operator-tenants');

    log('• create a tenant');
    const slug = `browser-${randomBytes(3).toString('hex')}`;
    await byTestId(page, 'tenant-create').click();
    await byTestId(page, 'tenant-create-dialog').waitFor({ timeout: TIMEOUT });
    await field(page, 'tenant-slug').fill(slug);
    await field(page, 'tenant-name-input').fill('浏览器测试工厂');
    await field(page, 'tenant-admin-email').fill(`admin@${slug}.test`);
    await field(page, 'tenant-admin-password').fill('Browser#2026');
    await shot(page, 'operator-create-tenant');
    await byTestId(page, 'tenant-save').click();
    const row = table.locator('.el-table__row', { hasText: slug });
    await row.waitFor({ timeout: TIMEOUT });

    log('• suspend and resume it');
    await byTestId(page, `tenant-toggle-${slug}`).click();
    await confirmMessageBox(page);
    await expectText(row, '已停用', 'suspended tenant row');
    await shot(page, 'operator-tenant-suspended');
    await byTestId(page, `tenant-toggle-${slug}`).click();
    await confirmMessageBox(page);
    await expectText(row, '正常', 'resumed tenant row');
  } catch (e) {
    await shot(page, 'FAILED').catch(() => undefined);
    throw e;
  } finally {
    await context.close();
  }
}
