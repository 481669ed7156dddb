// 主生产计划 on a desktop (1280 × 800): the admin subscribes the demo tenant to production execution and
// master scheduling (with their dependencies) and, through the API, sets up two work centers, an item
// with a two-operation routing and three work orders. In the browser: 排产运算 with a 2 s budget whose
// progress bar must reach 100 %, then the Gantt — as many bars as the version has operations — a bar's
// side panel moves the first operation of an order three hours later, and the API must show the
// order's next operation pushed to start no earlier than the moved one ends.
import { TIMEOUT, byTestId, expectNoHorizontalOverflow, field, login, settle } from '../lib/ui.mjs';

const WC_A = 'SCH-CUT';
const WC_B = 'SCH-MILL';
const ITEM = 'SCH-FG1';
const ORDERS = 3;
/** The run: build the problem, 2 s of improvement, store; more under load. */
const RUN_TIMEOUT = 120_000;

/** A call of the API with the session of the page (the tokens the web app keeps in localStorage). */
function api(page, method, path, body, headers = {}) {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const session = JSON.parse(localStorage.getItem('mes.session') ?? '{}');
      const res = await fetch(path, {
        method,
        headers: {
          Authorization: `Bearer ${session.accessToken}`,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      let parsed = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = text;
      }
      return { status: res.status, body: parsed };
    },
    { method, path, body, headers },
  );
}

/** A create that may have run before on this database (409 duplicate is fine). */
async function ensure(page, path, body, what) {
  const r = await api(page, 'POST', path, body);
  if (r.status !== 201 && r.status !== 409)
    throw new Error(`${what} answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r;
}

/** YYYY-MM-DD `days` from today (local time). */
function dayFromToday(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "YYYY-MM-DD HH:mm" in local time, as the date-time picker takes it. */
function pickerText(ms) {
  const d = new Date(ms);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * @param {{ browser: import('playwright-core').Browser, baseUrl: string, shot: Function, log: Function, watch: Function }} ctx
 */
export async function schedulingGanttFlow({ browser, baseUrl, shot, log, watch }) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  watch(page);
  try {
    log('• admin@demo.test signs in; the demo tenant subscribes to 生产执行 and 主生产计划');
    await login(page, baseUrl, 'admin@demo.test', 'Demo#2026');
    for (const moduleKey of ['production-execution', 'master-scheduling']) {
      const sub = await api(page, 'POST', '/api/v1/subscriptions', { moduleKey, withDependencies: true });
      if (sub.status !== 201 && sub.status !== 409)
        throw new Error(`subscribing to ${moduleKey} answered ${sub.status}: ${JSON.stringify(sub.body)}`);
    }
    await page.reload();
    await byTestId(page, 'menu-/scheduling/runs').waitFor({ state: 'attached', timeout: TIMEOUT });

    log(
      `• through the API: work centers ${WC_A}, ${WC_B}; ${ITEM} routed 10 → ${WC_A}, 20 → ${WC_B}; ${ORDERS} work orders`,
    );
    for (const [code, name] of [
      [WC_A, '排产下料'],
      [WC_B, '排产铣削'],
    ])
      await ensure(
        page,
        '/api/v1/master-data/work-centers',
        { code, name, parallelCapacity: 1 },
        `work center ${code}`,
      );
    await ensure(
      page,
      '/api/v1/master-data/items',
      { code: ITEM, name: '排产成品', type: 'finished', baseUnit: '个', makeOrBuy: 'make' },
      `item ${ITEM}`,
    );
    await ensure(
      page,
      '/api/v1/master-data/routings',
      {
        itemCode: ITEM,
        isDefault: true,
        operations: [
          { seq: 10, name: '下料', workCenterCode: WC_A, runMinutes: '6' },
          { seq: 20, name: '铣削', workCenterCode: WC_B, runMinutes: '9' },
        ],
      },
      `routing of ${ITEM}`,
    );
    const created = [];
    for (let i = 0; i < ORDERS; i += 1) {
      const r = await api(
        page,
        'POST',
        '/api/v1/production-execution/work-orders',
        { itemCode: ITEM, qty: String(10 + i * 5), dueDate: dayFromToday(2 + i) },
        { 'Idempotency-Key': `sch-flow-${Date.now()}-${i}` },
      );
      if (r.status !== 201)
        throw new Error(`work order ${i + 1} answered ${r.status}: ${JSON.stringify(r.body)}`);
      created.push(r.body);
    }
    log(`  ${created.map((w) => w.no ?? w.id).join(', ')}`);

    log('• 排产运算: 2 s budget → the progress bar follows the job to 100 %');
    await page.goto(`${baseUrl}/scheduling/runs`);
    await byTestId(page, 'sch-run-open').click();
    await byTestId(page, 'sch-run-dialog').waitFor({ state: 'visible', timeout: TIMEOUT });
    await settle(page);
    const limit = field(page, 'sch-run-time-limit');
    await limit.fill('2');
    await limit.press('Tab');
    await byTestId(page, 'sch-run-submit').click();
    const progress = byTestId(page, 'sch-run-progress');
    await progress.waitFor({ timeout: TIMEOUT });
    await page
      .locator(
        '[data-testid="sch-run-progress"][data-state="completed"], [data-testid="sch-run-progress"][data-state="failed"]',
      )
      .waitFor({ timeout: RUN_TIMEOUT });
    const state = await progress.getAttribute('data-state');
    const percent = await progress.getAttribute('data-percent');
    if (state !== 'completed' || percent !== '100')
      throw new Error(`the run ended ${state} at ${percent}%: ${await progress.innerText()}`);
    await byTestId(page, 'sch-run-result').waitFor({ timeout: TIMEOUT });
    const runs = await api(page, 'GET', '/api/v1/scheduling/runs');
    const run = runs.body?.items?.[0];
    if (run?.status !== 'succeeded' || !run.versionId || run.timeLimitSeconds !== 2)
      throw new Error(
        `the latest run should have succeeded with a 2 s budget and a version: ${JSON.stringify(run)}`,
      );
    await shot(page, 'scheduling-run-done');

    log('• 排程甘特图: one bar per operation of the version');
    await byTestId(page, 'sch-run-view-gantt').click();
    await page.waitForURL(/\/scheduling\/gantt\?version=/, { timeout: TIMEOUT });
    const gantt = await api(page, 'GET', `/api/v1/scheduling/versions/${run.versionId}/gantt`);
    if (gantt.status !== 200)
      throw new Error(`GET gantt answered ${gantt.status}: ${JSON.stringify(gantt.body)}`);
    const operations = gantt.body.operations;
    if (operations.length !== gantt.body.version.kpis.operations)
      throw new Error(
        `the Gantt lists ${operations.length} operations, the KPIs ${gantt.body.version.kpis.operations}`,
      );
    const chart = byTestId(page, 'gantt-chart');
    await chart.waitFor({ timeout: TIMEOUT });
    const bars = await page.locator('[data-testid="gantt-bar"]').count();
    if (bars !== operations.length)
      throw new Error(`the chart draws ${bars} bars for ${operations.length} operations`);
    if (Number(await chart.getAttribute('data-bars')) !== operations.length)
      throw new Error('the chart counts another number of bars');
    await expectNoHorizontalOverflow(page, 'gantt page');
    await shot(page, 'scheduling-gantt');

    const ours = new Set(created.map((w) => w.id));
    const first = operations.find(
      (o) =>
        ours.has(o.workOrderId) &&
        !o.started &&
        operations.some((n) => n.workOrderId === o.workOrderId && n.seq > o.seq),
    );
    if (!first)
      throw new Error(
        `no operation of the flow's work orders with a successor: ${JSON.stringify(operations)}`,
      );
    const successorOf = (ops) =>
      ops
        .filter((n) => n.workOrderId === first.workOrderId && n.seq > first.seq)
        .sort((a, b) => a.seq - b.seq)[0];
    const target = Date.parse(first.start) + 3 * 3_600_000;
    log(`• ${first.workOrderNo} seq ${first.seq}: the side panel moves it to ${pickerText(target)}`);
    await page.locator(`[data-testid="gantt-bar"][data-op-id="${first.id}"] rect`).first().click();
    const panel = byTestId(page, 'gantt-panel');
    await panel
      .locator('[data-testid="gantt-panel-details"]')
      .waitFor({ state: 'visible', timeout: TIMEOUT });
    await settle(page);
    const startInput = field(page, 'gantt-panel-start-input');
    await startInput.click();
    await startInput.fill(pickerText(target));
    await startInput.press('Enter');
    await settle(page);
    // Enter closes the picker; a click on the details closes it should it have stayed open.
    await panel.locator('[data-testid="gantt-panel-details"]').click();
    await settle(page);
    await byTestId(page, 'gantt-panel-move').click();
    await page.locator('.el-message--success').first().waitFor({ timeout: TIMEOUT });
    await shot(page, 'scheduling-gantt-moved');

    const after = await api(page, 'GET', `/api/v1/scheduling/versions/${run.versionId}/gantt`);
    const moved = after.body.operations.find((o) => o.id === first.id);
    const next = successorOf(after.body.operations);
    if (!moved || !next) throw new Error('the moved operation or its successor is missing after the move');
    // The requested start is the earliest: on a busy machine the operation goes after what runs there.
    if (Date.parse(moved.start) < target - 60_000)
      throw new Error(
        `the operation should start at ${new Date(target).toISOString()} or later: ${moved.start}`,
      );
    if (!moved.locked) throw new Error('a moved operation should be locked');
    if (Date.parse(next.start) < Date.parse(moved.end))
      throw new Error(`the successor starts ${next.start}, before the moved operation ends ${moved.end}`);
    log(`  moved ${moved.start} → ${moved.end}; seq ${next.seq} now ${next.start}`);
    const barsAfter = await page.locator('[data-testid="gantt-bar"]').count();
    if (barsAfter !== after.body.operations.length)
      throw new Error(`after the move the chart draws ${barsAfter} bars for ${after.body.operations.length}`);
  } catch (e) {
    await shot(page, 'FAILED').catch(() => undefined);
    throw e;
  } finally {
    await context.close();
  }
}
