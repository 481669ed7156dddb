// 物料需求计划 on a desktop: the admin subscribes the demo tenant to MRP (with its dependencies), adds a
// forecast for a finished good, runs MRP on /mrp/runs and watches the job's progress bar reach the
// end, opens the plan — whose count must equal GET /api/v1/mrp/planned-orders — and expands a planned
// order of that item down to the demand it serves; then the item's time-phased record.
import {
  TIMEOUT,
  byTestId,
  expectNoHorizontalOverflow,
  expectText,
  field,
  login,
  settle,
} from '../lib/ui.mjs';

const ITEM = 'DRL-13';
const FORECAST_QTY = '120';
/** MRP builds the model, plans, stores: a few seconds on the 2-core box, more under load. */
const RUN_TIMEOUT = 120_000;

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

/** YYYY-MM-DD `days` from today (local time, as the date picker shows it). */
function dayFromToday(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The plan's count as the page shows it, once the table has loaded. */
async function shownTotal(page) {
  const total = byTestId(page, 'plan-total');
  await total.waitFor({ timeout: TIMEOUT });
  await page
    .locator('[data-testid="plan-table"] .el-loading-mask')
    .waitFor({ state: 'hidden', timeout: TIMEOUT });
  return Number(await total.getAttribute('data-total'));
}

/**
 * @param {{ browser: import('playwright-core').Browser, baseUrl: string, shot: Function, log: Function, watch: Function }} ctx
 */
export async function mrpRunFlow({ browser, baseUrl, shot, log, watch }) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  watch(page);
  try {
    log('• admin@demo.test signs in; the demo tenant subscribes to 物料需求计划 with its dependencies');
    await login(page, baseUrl, 'admin@demo.test', 'Demo#2026');
    const sub = await api(page, 'POST', '/api/v1/subscriptions', {
      moduleKey: 'mrp',
      withDependencies: true,
    });
    if (sub.status !== 201 && sub.status !== 409)
      throw new Error(`subscribing to mrp answered ${sub.status}: ${JSON.stringify(sub.body)}`);
    await page.reload();
    await byTestId(page, 'menu-/mrp/runs').waitFor({ state: 'attached', timeout: TIMEOUT });

    const due = dayFromToday(30);
    log(`• 预测: ${FORECAST_QTY} × ${ITEM} due ${due}, through the dialog`);
    await page.goto(`${baseUrl}/mrp/forecasts`);
    await byTestId(page, 'forecast-create').click();
    const dialog = byTestId(page, 'forecast-dialog');
    await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
    await settle(page);
    await byTestId(page, 'forecast-item').click();
    await field(page, 'forecast-item').fill(ITEM);
    const option = page.locator(`[data-testid="forecast-item-option-${ITEM}"]:visible`).first();
    await option.waitFor({ state: 'visible', timeout: TIMEOUT });
    await option.click();
    await settle(page);
    await field(page, 'forecast-qty').fill(FORECAST_QTY);
    await field(page, 'forecast-due').fill(due);
    await field(page, 'forecast-due').press('Enter');
    await settle(page);
    await byTestId(page, 'forecast-save').click();
    await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
    await expectText(byTestId(page, 'forecasts-table'), ITEM, 'forecast list');
    const forecasts = await api(page, 'GET', `/api/v1/mrp/forecasts?itemCode=${ITEM}`);
    const forecast = forecasts.body?.items?.find((f) => f.dueDate === due && f.qty === FORECAST_QTY);
    if (!forecast) throw new Error(`the forecast was not stored: ${JSON.stringify(forecasts.body)}`);
    await shot(page, 'mrp-forecasts');

    log('• MRP 运算: 运行 MRP → the progress bar follows the job to the end');
    await page.goto(`${baseUrl}/mrp/runs`);
    await byTestId(page, 'mrp-run-open').click();
    await byTestId(page, 'mrp-run-dialog').waitFor({ state: 'visible', timeout: TIMEOUT });
    await settle(page);
    await byTestId(page, 'mrp-run-submit').click();
    const progress = byTestId(page, 'mrp-run-progress');
    await progress.waitFor({ timeout: TIMEOUT });
    await shot(page, 'mrp-run-progress');
    await page
      .locator(
        '[data-testid="mrp-run-progress"][data-state="completed"], [data-testid="mrp-run-progress"][data-state="failed"]',
      )
      .waitFor({ timeout: RUN_TIMEOUT });
    const state = await progress.getAttribute('data-state');
    const percent = await progress.getAttribute('data-percent');
    if (state !== 'completed' || percent !== '100')
      throw new Error(`the run ended ${state} at ${percent}%: ${await progress.innerText()}`);
    await expectText(byTestId(page, 'mrp-run-result'), '运算完成', 'run result');
    await expectText(byTestId(page, 'mrp-runs-table'), '当前计划', 'runs table marks the current run');
    const runs = await api(page, 'GET', '/api/v1/mrp/runs');
    const latest = runs.body?.items?.[0];
    if (latest?.status !== 'succeeded' || !latest.current)
      throw new Error(`the latest run should be the current succeeded one: ${JSON.stringify(latest)}`);
    log(`  ${latest.counts.plannedOrders} planned orders, ${latest.counts.exceptions} exceptions`);
    await expectText(
      byTestId(page, 'mrp-runs-table'),
      `${latest.counts.plannedOrders} 计划订单`,
      'runs table counts',
    );
    await shot(page, 'mrp-run-done');

    log('• 计划订单: the page shows as many planned orders as the API');
    await byTestId(page, 'mrp-run-view-plan').click();
    await page.waitForURL(/\/mrp\/plan$/, { timeout: TIMEOUT });
    const all = await api(page, 'GET', '/api/v1/mrp/planned-orders');
    if (all.status !== 200) throw new Error(`GET planned-orders answered ${all.status}`);
    if (all.body.runId !== latest.id)
      throw new Error(`the plan should be run ${latest.id}'s: ${all.body.runId}`);
    if (all.body.total !== latest.counts.plannedOrders)
      throw new Error(
        `the API lists ${all.body.total} planned orders, the run counted ${latest.counts.plannedOrders}`,
      );
    if (all.body.total === 0) throw new Error('the forecast should have produced planned orders');
    const total = await shownTotal(page);
    if (total !== all.body.total)
      throw new Error(`the page shows ${total} planned orders, the API ${all.body.total}`);
    const rows = await page
      .locator('[data-testid="plan-table"] .el-table__body-wrapper tr.el-table__row')
      .count();
    if (rows !== Math.min(all.body.total, 20))
      throw new Error(`the first page shows ${rows} rows of ${all.body.total}`);
    await expectNoHorizontalOverflow(page, 'plan page');
    await shot(page, 'mrp-plan');

    log(`• pegging: a planned order of ${ITEM} → the forecast it serves`);
    await page.goto(`${baseUrl}/mrp/plan?itemCode=${ITEM}`);
    const mine = await api(page, 'GET', `/api/v1/mrp/planned-orders?itemCode=${ITEM}`);
    if (!mine.body?.total) throw new Error(`no planned order of ${ITEM}: ${JSON.stringify(mine.body)}`);
    await page.locator(`[data-testid="plan-item-${ITEM}"]`).first().waitFor({ timeout: TIMEOUT });
    if ((await shownTotal(page)) !== mine.body.total)
      throw new Error(`the filtered page should show ${mine.body.total} planned orders`);
    const pegged = mine.body.items.findIndex((o) => Number(o.peggedQty) > 0);
    if (pegged < 0)
      throw new Error(`no planned order of ${ITEM} is pegged: ${JSON.stringify(mine.body.items)}`);
    await page
      .locator('[data-testid="plan-table"] .el-table__body-wrapper tr.el-table__row')
      .nth(pegged)
      .locator('.el-table__expand-icon')
      .click();
    const panel = page.locator('[data-testid="peg-panel"][data-loaded="true"]').first();
    await panel.waitFor({ timeout: TIMEOUT });
    const detail = await api(page, 'GET', `/api/v1/mrp/planned-orders/${mine.body.items[pegged].id}`);
    const fcPeg = detail.body.pegs.find((p) => p.demandRef === `FC:${forecast.id}`);
    if (!fcPeg)
      throw new Error(`the order should be pegged to FC:${forecast.id}: ${JSON.stringify(detail.body.pegs)}`);
    const pegRows = await panel.locator('[data-testid="peg-row"]').count();
    if (pegRows !== detail.body.pegs.length)
      throw new Error(`the panel shows ${pegRows} pegs, the API ${detail.body.pegs.length}`);
    await expectText(panel, '预测', 'peg source');
    await expectText(panel, `FC:${forecast.id}`, 'peg ref');
    await shot(page, 'mrp-pegging');

    log('• 例外信息: one row per exception of the plan, each with its action');
    const exceptions = await api(page, 'GET', '/api/v1/mrp/exceptions');
    if (exceptions.body?.total !== latest.counts.exceptions)
      throw new Error(
        `the API lists ${exceptions.body?.total} exceptions, the run counted ${latest.counts.exceptions}`,
      );
    await page.goto(`${baseUrl}/mrp/exceptions`);
    const exceptionRows = page.locator(
      '[data-testid="exceptions-table"] .el-table__body-wrapper tr.el-table__row',
    );
    if (exceptions.body.total > 0) {
      await exceptionRows.first().waitFor({ timeout: TIMEOUT });
      const first = exceptions.body.items[0];
      await byTestId(page, `exception-act-${first.seq}`).first().waitFor({ timeout: TIMEOUT });
    } else await expectText(byTestId(page, 'exceptions-table'), '暂无数据', 'empty exceptions');
    const shownExceptions = await exceptionRows.count();
    if (shownExceptions !== Math.min(exceptions.body.total, 20))
      throw new Error(`the page shows ${shownExceptions} exceptions of ${exceptions.body.total}`);
    await shot(page, 'mrp-exceptions');

    log(`• MRP 记录 of ${ITEM}: the time-phased grid and the balance chart`);
    await page.goto(`${baseUrl}/mrp/records?itemCode=${ITEM}`);
    await byTestId(page, 'records-grid').waitFor({ timeout: TIMEOUT });
    await expectText(byTestId(page, 'records-row-gross'), FORECAST_QTY, 'gross requirements');
    await byTestId(page, 'records-chart').waitFor({ timeout: TIMEOUT });
    await expectNoHorizontalOverflow(page, 'records page');
    await shot(page, 'mrp-records');
  } catch (e) {
    await shot(page, 'FAILED').catch(() => undefined);
    throw e;
  } finally {
    await context.close();
  }
}
