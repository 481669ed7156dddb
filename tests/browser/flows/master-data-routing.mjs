// 主数据管理, planning side: the admin creates a two-shift calendar (a wrong overlap is shown next to
// its shift first), a work center on it, an item and a two-operation routing for it; sees them in the
// lists; imports items from a CSV (dry run with an error, then a clean one); prints item labels and
// scans the item code into 扫码查询. The calendar and routing editors are checked at 768 px too.
import {
  TIMEOUT,
  byTestId,
  expectNoHorizontalOverflow,
  expectText,
  field,
  login,
  settle,
} from '../lib/ui.mjs';

const CALENDAR = { code: 'SHIFT-X', name: '两班制（测试）' };
const WORK_CENTER = { code: 'WC-X', name: '滚齿机组' };
const ITEM = { code: 'GEAR-X', name: '齿轮', spec: 'm2 z40' };

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

async function pickItem(page, pickerTestId, code) {
  await byTestId(page, pickerTestId).click();
  await field(page, pickerTestId).fill(code);
  await pickOption(page, `item-option-${code}`);
}

async function pickWorkCenter(page, selectTestId, code) {
  await byTestId(page, selectTestId).click();
  await field(page, selectTestId).fill(code);
  await pickOption(page, `work-center-option-${code}`);
}

async function createCalendar(page, log, shot) {
  log('• 工作日历: Mon 08:00–12:00 + 13:00–20:00 copied to Tue–Fri; an overlap is refused next to its shift');
  await openMenu(page, '/master-data/calendars');
  await byTestId(page, 'md-calendars').waitFor({ timeout: TIMEOUT });
  await byTestId(page, 'calendar-create').click();
  await page.waitForURL(/\/master-data\/calendars\/new/, { timeout: TIMEOUT });
  await field(page, 'calendar-code').fill(CALENDAR.code);
  await field(page, 'calendar-name').fill(CALENDAR.name);
  // A new calendar starts with two shifts Monday to Friday: make the second one overlap the first.
  await field(page, 'calendar-mon-start-1').fill('11:00');
  await field(page, 'calendar-mon-end-1').fill('20:00');
  await field(page, 'calendar-mon-name-0').fill('早班');
  await field(page, 'calendar-mon-name-1').fill('中班');
  await byTestId(page, 'calendar-save').click();
  const overlap = page.locator('[data-testid^="calendar-mon-error-"]').first();
  await expectText(overlap, '重叠', 'overlap message next to the Monday shift');
  await expectText(byTestId(page, 'calendar-error'), '日历定义有误', 'calendar error summary');
  if (!page.url().endsWith('/master-data/calendars/new'))
    throw new Error('a calendar with an overlap was saved');
  await shot(page, 'md-calendar-overlap');

  await field(page, 'calendar-mon-start-1').fill('13:00');
  await byTestId(page, 'calendar-copy-monday').click();
  if ((await field(page, 'calendar-fri-end-1').inputValue()) !== '20:00')
    throw new Error('Monday was not copied to Friday');
  await expectText(byTestId(page, 'calendar-week-hours'), '每周 55 小时', 'weekly hours of the form');
  await byTestId(page, 'calendar-save').click();
  await page.waitForURL(/\/master-data\/calendars\/(?!new)[^/?]+$/, { timeout: TIMEOUT });
  await expectText(page.locator('.page__title'), CALENDAR.code, 'saved calendar title');

  log('• the preview draws the next two weeks of working windows');
  await expectText(byTestId(page, 'calendar-preview-total'), '分钟', 'preview total');
  const days = byTestId(page, 'calendar-timeline').locator('[data-testid^="calendar-timeline-2"]');
  await days.first().waitFor({ timeout: TIMEOUT });
  if ((await days.count()) !== 14) throw new Error(`the preview shows ${await days.count()} days, not 14`);
  const segments = await byTestId(page, 'calendar-timeline').locator('.md-timeline__segment').count();
  if (segments < 18) throw new Error(`two weeks of two shifts a weekday drew ${segments} windows`);
  await byTestId(page, 'calendar-preview').scrollIntoViewIfNeeded();
  await shot(page, 'md-calendar-preview');

  await byTestId(page, 'calendar-back').click();
  const row = byTestId(page, 'calendar-table').locator('.el-table__row', { hasText: CALENDAR.code });
  await row.waitFor({ timeout: TIMEOUT });
  await expectText(row, '55 小时', 'calendar row weekly hours');
  await shot(page, 'md-calendars');
}

async function createWorkCenter(page, log, shot) {
  log('• 工作中心: WC-X (产线, 2 in parallel, efficiency 0.9) on SHIFT-X');
  await openMenu(page, '/master-data/work-centers');
  await byTestId(page, 'work-center-create').click();
  const dialog = byTestId(page, 'work-center-dialog');
  await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
  await settle(page);
  await field(page, 'work-center-code').fill(WORK_CENTER.code);
  await field(page, 'work-center-name').fill(WORK_CENTER.name);
  await byTestId(page, 'work-center-kind-line').click();
  await field(page, 'work-center-capacity').fill('2');
  await field(page, 'work-center-efficiency').fill('0.9');
  await byTestId(page, 'work-center-calendar').click();
  await pickOption(page, `calendar-option-${CALENDAR.code}`);
  await shot(page, 'md-work-center-form');
  await byTestId(page, 'work-center-save').click();
  await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
  await field(page, 'work-center-search').fill(WORK_CENTER.code);
  const row = byTestId(page, 'work-center-table').locator('.el-table__row', { hasText: WORK_CENTER.code });
  await row.waitFor({ timeout: TIMEOUT });
  await expectText(row, CALENDAR.code, 'work center calendar');
  await expectText(row, '产线', 'work center kind');
  await expectText(row, '0.9', 'work center efficiency');
  await shot(page, 'md-work-centers');
}

async function createItem(page, log) {
  log('• 物料: GEAR-X (半成品, 个)');
  await openMenu(page, '/master-data/items');
  await byTestId(page, 'item-create').click();
  const dialog = byTestId(page, 'item-dialog');
  await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
  await settle(page);
  await field(page, 'item-code').fill(ITEM.code);
  await field(page, 'item-name').fill(ITEM.name);
  await field(page, 'item-spec').fill(ITEM.spec);
  await byTestId(page, 'item-type-semi').click();
  await byTestId(page, 'item-base-unit').click();
  await field(page, 'item-base-unit').fill('个');
  await pickOption(page, 'unit-option-个');
  await byTestId(page, 'item-save').click();
  await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
}

async function createRouting(page, log, shot) {
  log('• 工艺路线: GEAR-X = 10 下料 on WC-X, 20 滚齿 on WC-X (alternative WC-CNC), inspection point');
  await openMenu(page, '/master-data/routings');
  await byTestId(page, 'md-routings').waitFor({ timeout: TIMEOUT });
  await byTestId(page, 'routing-create').click();
  await page.waitForURL(/\/master-data\/routings\/new/, { timeout: TIMEOUT });
  await pickItem(page, 'routing-item', ITEM.code);
  await field(page, 'routing-op-name-0').fill('下料');
  await pickWorkCenter(page, 'routing-op-wc-0', WORK_CENTER.code);
  await field(page, 'routing-op-setup-0').fill('10');
  await field(page, 'routing-op-run-0').fill('1.5');
  await byTestId(page, 'routing-add-op').click();
  if ((await field(page, 'routing-op-seq-1').inputValue()) !== '20')
    throw new Error('the second operation is not numbered 20');
  await field(page, 'routing-op-name-1').fill('滚齿');
  await pickWorkCenter(page, 'routing-op-wc-1', WORK_CENTER.code);
  await field(page, 'routing-op-run-1').fill('2.25');
  await byTestId(page, 'routing-op-inspection-1').click();
  await byTestId(page, 'routing-op-1-alt-add').click();
  await pickWorkCenter(page, 'routing-op-1-alt-wc-0', 'WC-CNC');
  await field(page, 'routing-op-1-alt-run-0').fill('3');
  await expectText(byTestId(page, 'routing-total-run'), '3.75', 'run minutes per unit');
  await shot(page, 'md-routing-editor');
  await byTestId(page, 'routing-save').click();
  await page.waitForURL(/\/master-data\/routings\/(?!new)[^/?]+$/, { timeout: TIMEOUT });
  await expectText(page.locator('.page__title'), ITEM.code, 'saved routing title');
  await expectText(page.locator('.page__title'), '默认', 'first routing is the default');
  if ((await field(page, 'routing-op-run-1').inputValue()) !== '2.25')
    throw new Error('the decimal run time 2.25 did not come back as typed');
  if ((await field(page, 'routing-op-1-alt-run-0').inputValue()) !== '3')
    throw new Error('the alternative did not come back');

  log('• the routing is in the list');
  await byTestId(page, 'routing-back').click();
  await page.waitForURL(/\/master-data\/routings$/, { timeout: TIMEOUT });
  const row = byTestId(page, 'routing-table').locator('.el-table__row', { hasText: ITEM.code });
  await row.waitFor({ timeout: TIMEOUT });
  await expectText(row, '2 道工序', 'routing row operation count');
  await expectText(row, '10 下料 → 20 滚齿', 'routing row operations');
  await shot(page, 'md-routings');

  log('• 导出 → CSV downloads the routings in the import layout');
  await byTestId(page, 'export-routings-button').click();
  const download = page.waitForEvent('download', { timeout: TIMEOUT });
  await page.locator('[data-testid="export-routings-csv"]:visible').click();
  const file = await download;
  if (!file.suggestedFilename().endsWith('.csv'))
    throw new Error(`the export is named ${file.suggestedFilename()}`);
  const text = await file.createReadStream().then(async (stream) => {
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  });
  if (!text.includes(ITEM.code) || !text.includes('滚齿'))
    throw new Error(`the CSV export lacks the new routing: ${text.slice(0, 200)}`);
}

async function importItems(page, log, shot) {
  log('• 导入物料: a dry run lists the bad row; a clean file imports after its dry run');
  await openMenu(page, '/master-data/items');
  const header = '物料编码,物料名称,类型,基本单位,自制外购\n';
  const choose = async (name, body) => {
    await byTestId(page, 'import-items').click();
    const dialog = byTestId(page, 'import-dialog');
    await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
    await settle(page);
    await dialog.locator('input[type="file"]').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(header + body, 'utf8'),
    });
    await byTestId(page, 'import-dry-run').click();
    return dialog;
  };
  let dialog = await choose('bad.csv', 'BOLT-X,螺栓,原材料,个,外购\nNUT-X,螺母,原材料,不存在的单位,外购\n');
  const errors = byTestId(page, 'import-errors');
  await errors.waitFor({ timeout: TIMEOUT });
  await expectText(errors.locator('tbody tr').first(), '3', 'the bad row number (header is row 1)');
  if (!(await byTestId(page, 'import-confirm').isDisabled()))
    throw new Error('导入 is enabled after a dry run with errors');
  await shot(page, 'md-import-errors');
  await dialog.locator('.el-dialog__headerbtn').click();
  await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });

  dialog = await choose('good.csv', 'BOLT-X,螺栓,原材料,个,外购\n');
  await expectText(byTestId(page, 'import-counts'), '新增 1', 'dry-run counts');
  await byTestId(page, 'import-confirm').click();
  await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
  await field(page, 'item-search').fill('BOLT-X');
  await field(page, 'item-search').press('Enter');
  await byTestId(page, 'item-table')
    .locator('.el-table__row', { hasText: 'BOLT-X' })
    .waitFor({ timeout: TIMEOUT });
}

async function labelsAndScan(page, log, shot) {
  log('• 打印标签 from the items list selection: a PDF of GEAR-X');
  await field(page, 'item-search').fill(ITEM.code);
  await field(page, 'item-search').press('Enter');
  const row = byTestId(page, 'item-table').locator('.el-table__row', { hasText: ITEM.code });
  await row.waitFor({ timeout: TIMEOUT });
  await row.locator('.el-checkbox').first().click();
  await byTestId(page, 'item-print-labels').click();
  await page.waitForURL(/\/master-data\/labels\?target=item&codes=GEAR-X/, { timeout: TIMEOUT });
  await expectText(byTestId(page, 'label-codes'), ITEM.code, 'codes carried over from the selection');
  const pdf = page.waitForResponse((r) => r.url().includes('/api/v1/master-data/labels?'), {
    timeout: TIMEOUT,
  });
  const popup = page.waitForEvent('popup', { timeout: TIMEOUT });
  await byTestId(page, 'label-generate').click();
  const response = await pdf;
  if (response.status() !== 200 || !String(response.headers()['content-type']).includes('application/pdf'))
    throw new Error(`labels: ${response.status()} ${response.headers()['content-type']}`);
  await (await popup).close().catch(() => undefined);

  log('• 扫码查询: GEAR-X + Enter shows the item card; an unknown code says so');
  const scan = field(page, 'label-scan-input');
  await scan.fill(ITEM.code);
  await scan.press('Enter');
  const card = byTestId(page, 'label-scan-item');
  await expectText(card, ITEM.code, 'scanned item card');
  await expectText(card, ITEM.name, 'scanned item name');
  await shot(page, 'md-labels-scan');
  await scan.fill('NO-SUCH-CODE');
  await scan.press('Enter');
  await expectText(byTestId(page, 'label-scan-unknown'), '未识别的条码', 'unknown code');
}

/**
 * @param {{ browser: import('playwright-core').Browser, baseUrl: string, shot: Function, log: Function, watch: Function }} ctx
 */
export async function masterDataRoutingFlow({ browser, baseUrl, shot, log, watch }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  watch(page);
  try {
    log('• admin@demo.test signs in: 工艺路线, 工作中心, 工作日历 are in the 主数据管理 menu');
    await login(page, baseUrl, 'admin@demo.test', 'Demo#2026');
    await byTestId(page, 'menu-module:master-data').locator('.el-sub-menu__title').click();
    for (const path of ['/master-data/routings', '/master-data/work-centers', '/master-data/calendars'])
      await byTestId(page, `menu-${path}`).waitFor({ state: 'visible', timeout: TIMEOUT });

    await createCalendar(page, log, shot);
    await createWorkCenter(page, log, shot);
    await createItem(page, log);
    await createRouting(page, log, shot);
    await importItems(page, log, shot);
    await labelsAndScan(page, log, shot);

    log('• the routing and calendar editors on a 768 px tablet: no sideways scrolling');
    await page.setViewportSize({ width: 768, height: 1024 });
    await openMenu(page, '/master-data/routings').catch(async () => {
      await page.goto(`${baseUrl}/master-data/routings`);
    });
    await byTestId(page, 'routing-table')
      .locator('.el-table__row', { hasText: ITEM.code })
      .locator('.md-link')
      .click();
    await page.waitForURL(/\/master-data\/routings\/(?!new)[^/?]+$/, { timeout: TIMEOUT });
    await field(page, 'routing-op-run-1').waitFor({ timeout: TIMEOUT });
    await settledLayout(page);
    await expectNoHorizontalOverflow(page, 'tablet routing editor');
    await shot(page, 'md-tablet-routing-editor');
    await page.goto(`${baseUrl}/master-data/calendars`);
    await byTestId(page, `calendar-open-${CALENDAR.code}`).click();
    await byTestId(page, 'calendar-timeline')
      .locator('.md-timeline__segment')
      .first()
      .waitFor({ timeout: TIMEOUT });
    await settledLayout(page);
    await expectNoHorizontalOverflow(page, 'tablet calendar editor');
    await shot(page, 'md-tablet-calendar-editor');
  } catch (e) {
    await shot(page, 'FAILED-routing').catch(() => undefined);
    throw e;
  } finally {
    await context.close();
  }
}
