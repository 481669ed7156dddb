// 主数据管理 (always on): the admin creates three items, a two-component BOM with a decimal quantity,
// explodes it, and is stopped with the cycle shown when the BOM would loop back on itself.
import {
  TIMEOUT,
  byTestId,
  expectNoHorizontalOverflow,
  expectText,
  field,
  login,
  settle,
} from '../lib/ui.mjs';

const ITEMS = [
  { code: 'DRILL-X', name: '电钻', spec: '13mm 650W', type: 'finished' },
  { code: 'MOTOR-X', name: '电机', spec: '650W', type: 'semi' },
  { code: 'SCREW-X', name: '螺钉', spec: 'M4×10', type: 'raw' },
];

/**
 * After a viewport change: the side menu collapses (a width transition) and the tables re-measure
 * themselves (ResizeObserver); waits for both before the layout is judged.
 */
async function settledLayout(page) {
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="side-menu"]')?.getBoundingClientRect().width ?? 0) <= 80,
    undefined,
    { timeout: TIMEOUT },
  );
  await settle(page);
  await page
    .waitForFunction(
      () =>
        [document.documentElement, ...document.querySelectorAll('main')].every(
          (el) => el.scrollWidth <= el.clientWidth + 1,
        ),
      undefined,
      { timeout: 3000 },
    )
    .catch(() => undefined); // expectNoHorizontalOverflow then says what is too wide
}

/** Opens an entry of the 主数据管理 sub-menu. */
async function openMenu(page, path) {
  const entry = byTestId(page, `menu-${path}`);
  if (!(await entry.isVisible())) {
    await byTestId(page, 'menu-module:master-data').locator('.el-sub-menu__title').click();
    await entry.waitFor({ state: 'visible', timeout: TIMEOUT });
  }
  await entry.click();
  await page.waitForURL((url) => url.pathname === path, { timeout: TIMEOUT });
}

/** Clicks the option of the open Element Plus select dropdown marked `testId`. */
async function pickOption(page, testId) {
  const option = page.locator(`[data-testid="${testId}"]:visible`).first();
  await option.waitFor({ state: 'visible', timeout: TIMEOUT });
  await option.click();
  await settle(page);
}

/** Searches an item in an item picker (remote search by code / name) and picks it. */
async function pickItem(page, pickerTestId, code) {
  await byTestId(page, pickerTestId).click();
  await field(page, pickerTestId).fill(code);
  await pickOption(page, `item-option-${code}`);
}

async function createItem(page, item) {
  await byTestId(page, 'item-create').click();
  const dialog = byTestId(page, 'item-dialog');
  await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
  await settle(page);
  await field(page, 'item-code').fill(item.code);
  await field(page, 'item-name').fill(item.name);
  await field(page, 'item-spec').fill(item.spec);
  await byTestId(page, `item-type-${item.type}`).click();
  await byTestId(page, 'item-base-unit').click();
  await field(page, 'item-base-unit').fill('个');
  await pickOption(page, 'unit-option-个');
  return dialog;
}

/**
 * @param {{ browser: import('playwright-core').Browser, baseUrl: string, shot: Function, log: Function, watch: Function }} ctx
 */
export async function masterDataBomFlow({ browser, baseUrl, shot, log, watch }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  watch(page);
  try {
    log('• admin@demo.test signs in: 主数据管理 is in the menu without subscribing');
    await login(page, baseUrl, 'admin@demo.test', 'Demo#2026');
    await expectText(byTestId(page, 'menu-module:master-data'), '主数据管理', 'master-data sub-menu');

    log('• 物料: create DRILL-X (成品), MOTOR-X (半成品), SCREW-X (原材料), base unit 个');
    await openMenu(page, '/master-data/items');
    await byTestId(page, 'md-items').waitFor({ timeout: TIMEOUT });
    const itemTable = byTestId(page, 'item-table');
    for (const [i, item] of ITEMS.entries()) {
      const dialog = await createItem(page, item);
      if (i === 0) {
        // The lot-sizing rule shows the fields of the rule picked.
        await byTestId(page, 'item-lot-rule-FOQ').click();
        await field(page, 'item-lot-qty').fill('10');
        await shot(page, 'md-item-form');
      }
      await byTestId(page, 'item-save').click();
      await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
      await field(page, 'item-search').fill(item.code);
      await field(page, 'item-search').press('Enter');
      const row = itemTable.locator('.el-table__row', { hasText: item.code });
      await row.waitFor({ timeout: TIMEOUT });
      await expectText(row, item.name, `item row ${item.code}`);
      await expectText(row, '个', `item row ${item.code} unit`);
    }
    await field(page, 'item-search').fill('-X');
    await field(page, 'item-search').press('Enter');
    for (const item of ITEMS)
      await itemTable.locator('.el-table__row', { hasText: item.code }).waitFor({ timeout: TIMEOUT });
    await shot(page, 'md-items');

    log('• a second DRILL-X is refused next to the code field (DUPLICATE_CODE)');
    const again = await createItem(page, ITEMS[0]);
    await byTestId(page, 'item-save').click();
    const codeError = again.locator('.el-form-item.is-error').filter({ has: field(page, 'item-code') });
    await codeError.locator('.el-form-item__error').waitFor({ timeout: TIMEOUT });
    await expectText(byTestId(page, 'item-error'), 'DRILL-X', 'duplicate code message');
    await shot(page, 'md-item-duplicate');
    await again.locator('.el-dialog__headerbtn').click();
    await again.waitFor({ state: 'hidden', timeout: TIMEOUT });

    log('• 物料清单(BOM): DRILL-X = 1 × MOTOR-X + 0.5 × SCREW-X');
    await openMenu(page, '/master-data/boms');
    await byTestId(page, 'md-boms').waitFor({ timeout: TIMEOUT });
    await byTestId(page, 'bom-create').click();
    await page.waitForURL(/\/master-data\/boms\/new/, { timeout: TIMEOUT });
    await pickItem(page, 'bom-parent', 'DRILL-X');
    await pickItem(page, 'bom-line-item-0', 'MOTOR-X');
    await field(page, 'bom-line-qty-0').fill('1');
    await byTestId(page, 'bom-add-line').click();
    await pickItem(page, 'bom-line-item-1', 'SCREW-X');
    await field(page, 'bom-line-qty-1').fill('0.5');
    await shot(page, 'md-bom-editor');
    await byTestId(page, 'bom-save').click();
    await page.waitForURL(/\/master-data\/boms\/(?!new)[^/?]+$/, { timeout: TIMEOUT });
    await expectText(page.locator('.page__title'), 'DRILL-X', 'saved BOM title');
    await expectText(page.locator('.page__title'), '默认', 'first BOM is the default');

    log('• the BOM is in the list');
    await byTestId(page, 'bom-back').click();
    await page.waitForURL(/\/master-data\/boms$/, { timeout: TIMEOUT });
    const bomRow = byTestId(page, 'bom-table').locator('.el-table__row', { hasText: 'DRILL-X' });
    await bomRow.waitFor({ timeout: TIMEOUT });
    await expectText(bomRow, '2 项', 'BOM row line count');
    await shot(page, 'md-boms');

    log('• 多级展开 shows both components with their quantities');
    await bomRow.locator('.md-link').click();
    await page.waitForURL(/\/master-data\/boms\/(?!new)[^/?]+$/, { timeout: TIMEOUT });
    await field(page, 'bom-line-qty-1').waitFor({ timeout: TIMEOUT });
    if ((await field(page, 'bom-line-qty-1').inputValue()) !== '0.5')
      throw new Error('the decimal quantity 0.5 did not come back as typed');
    await page.locator('#tab-tree').click();
    const tree = byTestId(page, 'bom-tree-table');
    await byTestId(page, 'bom-tree-node-MOTOR-X').waitFor({ timeout: TIMEOUT });
    await byTestId(page, 'bom-tree-node-SCREW-X').waitFor({ timeout: TIMEOUT });
    await expectText(tree.locator('.el-table__row', { hasText: 'SCREW-X' }), '0.5', 'SCREW-X quantity');
    await shot(page, 'md-bom-tree');

    log('• MOTOR-X with DRILL-X as a component would loop: BOM_CYCLE shown, nothing saved');
    await byTestId(page, 'bom-back').click();
    await page.waitForURL(/\/master-data\/boms$/, { timeout: TIMEOUT });
    await byTestId(page, 'bom-create').click();
    await page.waitForURL(/\/master-data\/boms\/new/, { timeout: TIMEOUT });
    await pickItem(page, 'bom-parent', 'MOTOR-X');
    await pickItem(page, 'bom-line-item-0', 'DRILL-X');
    await field(page, 'bom-line-qty-0').fill('1');
    await byTestId(page, 'bom-save').click();
    const cycle = byTestId(page, 'bom-cycle');
    await expectText(cycle, '循环', 'cycle alert');
    await expectText(cycle, 'MOTOR-X → DRILL-X → MOTOR-X', 'cycle path');
    if ((await page.locator('.md-bom-line--cycle').count()) === 0)
      throw new Error('the line closing the cycle is not highlighted');
    if (!page.url().endsWith('/master-data/boms/new')) throw new Error(`a BOM was saved: ${page.url()}`);
    await shot(page, 'md-bom-cycle');

    log('• the same pages on a 768 px tablet: no sideways scrolling');
    await page.setViewportSize({ width: 768, height: 1024 });
    await settledLayout(page);
    await expectNoHorizontalOverflow(page, 'tablet BOM editor');
    const save = await byTestId(page, 'bom-save').boundingBox();
    if (!save || save.height < 40) throw new Error(`保存 is too small to touch: ${JSON.stringify(save)}`);
    await shot(page, 'md-tablet-bom-editor');
    await page.goto(`${baseUrl}/master-data/items`);
    await byTestId(page, 'item-table').locator('.el-table__row').first().waitFor({ timeout: TIMEOUT });
    await settledLayout(page);
    await expectNoHorizontalOverflow(page, 'tablet items');
    await shot(page, 'md-tablet-items');
  } catch (e) {
    await shot(page, 'FAILED').catch(() => undefined);
    throw e;
  } finally {
    await context.close();
  }
}
