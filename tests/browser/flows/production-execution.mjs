// 生产过程管理 on a desktop (1280 × 800): the admin subscribes the demo tenant to production execution
// (with its dependencies); the seed goes through the API (a make item with a 2-operation routing and a
// BOM component in stock). In the UI: create a work order, release it (kit complete), start it, report
// operation 10 and operation 20 in the report dialog, see 已完工 and both operations at 100 %. Through the
// API: the finished goods were received exactly once.
import { TIMEOUT, byTestId, expectText, field, login, settle } from '../lib/ui.mjs';

const QTY = '5';

/** A call of the API with the session of the page (the tokens the web app keeps in localStorage). */
function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = JSON.parse(localStorage.getItem('mes.session') ?? '{}');
      const res = await fetch(path, {
        method,
        headers: {
          Authorization: `Bearer ${session.accessToken}`,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

async function must(page, method, path, body, ...ok) {
  const r = await api(page, method, path, body);
  if (!ok.includes(r.status))
    throw new Error(`${method} ${path} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
  return r.body;
}

async function pickOption(page, testId) {
  const option = page.locator(`[data-testid="${testId}"]:visible`).first();
  await option.waitFor({ state: 'visible', timeout: TIMEOUT });
  await option.click();
  await settle(page);
}

async function openDialog(page, button, dialogId) {
  await byTestId(page, button).click();
  const dialog = byTestId(page, dialogId);
  await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
  await settle(page);
  return dialog;
}

async function waitStatus(page, status) {
  await byTestId(page, `wo-status-${status}`).waitFor({ state: 'visible', timeout: TIMEOUT });
}

async function report(page, seq, good) {
  const dialog = await openDialog(page, 'wo-action-report', 'wo-report-dialog');
  await byTestId(page, 'report-operation').click();
  await pickOption(page, `report-operation-${seq}`);
  await expectText(byTestId(page, 'report-hint'), `剩余 ${good}`, `operation ${seq} before the report`);
  await field(page, 'report-good').fill(good);
  await byTestId(page, 'report-submit').click();
  await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
}

/**
 * @param {{ browser: import('playwright-core').Browser, baseUrl: string, shot: Function, log: Function, watch: Function }} ctx
 */
export async function productionExecutionFlow({ browser, baseUrl, shot, log, watch }) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  watch(page);
  const sfx = Date.now().toString(36).slice(-5).toUpperCase();
  const FG = `PE-FG-${sfx}`;
  const RM = `PE-RM-${sfx}`;
  const WH = `PEW${sfx}`;
  try {
    log('• admin@demo.test signs in; the demo tenant subscribes to 生产过程管理 with its dependencies');
    await login(page, baseUrl, 'admin@demo.test', 'Demo#2026');
    await must(
      page,
      'POST',
      '/api/v1/subscriptions',
      { moduleKey: 'production-execution', withDependencies: true },
      201,
      409,
    );

    log(`• seed: warehouse ${WH}, work centers, ${FG} (routing 10 → 20, BOM 1 × ${RM}), ${RM} in stock`);
    await must(page, 'POST', '/api/v1/master-data/warehouses', { code: WH, name: `生产测试仓 ${sfx}` }, 201);
    for (const wc of [`PC${sfx}`, `PA${sfx}`])
      await must(page, 'POST', '/api/v1/master-data/work-centers', { code: wc, name: `工作中心 ${wc}` }, 201);
    const item = (code, name, type, makeOrBuy) =>
      must(
        page,
        'POST',
        '/api/v1/master-data/items',
        { code, name, type, baseUnit: '个', makeOrBuy, defaultWarehouseCode: WH },
        201,
      );
    await item(FG, `测试成品 ${sfx}`, 'finished', 'make');
    await item(RM, `测试原料 ${sfx}`, 'raw', 'buy');
    await must(
      page,
      'POST',
      '/api/v1/master-data/routings',
      {
        itemCode: FG,
        operations: [
          { seq: 10, name: '加工', workCenterCode: `PC${sfx}`, runMinutes: '1' },
          { seq: 20, name: '装配', workCenterCode: `PA${sfx}`, runMinutes: '2' },
        ],
      },
      201,
    );
    await must(
      page,
      'POST',
      '/api/v1/master-data/boms',
      { itemCode: FG, lines: [{ itemCode: RM, qtyPer: '1' }] },
      201,
    );
    await must(
      page,
      'POST',
      '/api/v1/warehousing/movements',
      { type: 'receipt', itemCode: RM, warehouseCode: WH, qty: '100' },
      201,
    );

    log('• 工单: create a work order in the dialog');
    await page.reload();
    await page.goto(`${baseUrl}/production-execution/work-orders`);
    await byTestId(page, 'wo-table').waitFor({ timeout: TIMEOUT });
    const create = await openDialog(page, 'wo-create', 'wo-create-dialog');
    await byTestId(page, 'wo-create-item').click();
    await field(page, 'wo-create-item').fill(FG);
    await pickOption(page, `wo-create-item-option-${FG}`);
    await field(page, 'wo-create-qty').fill(QTY);
    await shot(page, 'pe-create-dialog');
    await byTestId(page, 'wo-create-save').click();
    await create.waitFor({ state: 'hidden', timeout: TIMEOUT });
    await page.waitForURL(/\/production-execution\/work-orders\/[0-9a-f-]{36}$/, { timeout: TIMEOUT });
    await waitStatus(page, 'planned');
    const id = page.url().split('/').pop();
    const wo = await must(page, 'GET', `/api/v1/production-execution/work-orders/${id}`, undefined, 200);
    if (wo.itemCode !== FG || wo.qty !== QTY || wo.operations.length !== 2)
      throw new Error(`work order as created: ${JSON.stringify(wo).slice(0, 300)}`);

    log(`• ${wo.no}: 下达 — the kit check is complete, release`);
    await openDialog(page, 'wo-action-release', 'wo-release-dialog');
    await byTestId(page, 'kit-ok').waitFor({ state: 'visible', timeout: TIMEOUT });
    await expectText(byTestId(page, 'kit-table'), RM, 'kit check table');
    await shot(page, 'pe-release-kit');
    await byTestId(page, 'release-confirm').click();
    await waitStatus(page, 'released');

    log('• 上线, then report op 10 and op 20 in the dialog');
    await byTestId(page, 'wo-action-start').click();
    await waitStatus(page, 'in_progress');
    await report(page, 10, QTY);
    await expectText(byTestId(page, 'op-progress-10'), '100%', 'operation 10 progress');
    await report(page, 20, QTY);
    await waitStatus(page, 'completed');
    await expectText(byTestId(page, 'wo-status-completed'), '已完工', 'status tag');
    for (const seq of [10, 20]) {
      const value = await byTestId(page, `op-progress-${seq}`)
        .locator('[data-value]')
        .getAttribute('data-value');
      if (value !== '100%') throw new Error(`operation ${seq} progress is ${value}, not 100%`);
    }
    await expectText(byTestId(page, 'wo-reports'), '20', 'reports list');
    await shot(page, 'pe-completed');

    log('• API: finished goods received once, the work order completed');
    const receipts = await must(
      page,
      'GET',
      `/api/v1/warehousing/movements?ref=${encodeURIComponent(wo.no)}&type=production_receipt&pageSize=50`,
      undefined,
      200,
    );
    const lines = receipts.items.map((m) => [m.itemCode, m.qty]);
    if (JSON.stringify(lines) !== JSON.stringify([[FG, QTY]]))
      throw new Error(`receipts of ${wo.no}: ${JSON.stringify(lines)}`);
    const done = await must(page, 'GET', `/api/v1/production-execution/work-orders/${id}`, undefined, 200);
    if (done.status !== 'completed' || done.receivedQty !== QTY)
      throw new Error(`work order after the reports: ${done.status}, received ${done.receivedQty}`);

    log('• the list shows the progress; the WIP board and today’s output open');
    await page.goto(`${baseUrl}/production-execution/work-orders`);
    await expectText(byTestId(page, `wo-progress-${wo.no}`), `${QTY} / ${QTY}`, 'list progress');
    await page.goto(`${baseUrl}/production-execution/output`);
    await expectText(byTestId(page, 'output-table'), FG, "today's output");
    await shot(page, 'pe-output');
    await page.goto(`${baseUrl}/production-execution/wip`);
    await byTestId(page, 'pe-wip').waitFor({ timeout: TIMEOUT });
    await shot(page, 'pe-wip');
  } catch (e) {
    await shot(page, 'pe-failure').catch(() => undefined);
    throw e;
  } finally {
    await context.close();
  }
}
