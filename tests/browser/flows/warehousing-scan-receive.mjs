// 仓储管理 on a 1024 × 768 tablet: the admin scans a location and an item label into 扫码收货, types
// the quantity on the keypad and confirms; a lost answer is retried with the same Idempotency-Key
// and the stock rises exactly once (checked through the API).
import { TIMEOUT, byTestId, expectNoHorizontalOverflow, expectText, field, login } from '../lib/ui.mjs';

const ITEM = 'BRG-608';
const WAREHOUSE = 'WH-RM';
const LOCATION = 'B-01';
const QTY = 24;
const MOVEMENTS = '/api/v1/warehousing/movements';

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

/** Waits until the element marked `id` shows `text` (scans and posts answer asynchronously). */
async function waitText(page, id, text, what) {
  await page
    .locator(`[data-testid="${id}"]`, { hasText: text })
    .waitFor({ timeout: TIMEOUT })
    .catch(() => undefined);
  await expectText(byTestId(page, id), text, what);
}

/** On hand of the item at the location, summed over its lots. */
async function onHand(page) {
  const r = await api(
    page,
    'GET',
    `/api/v1/warehousing/stock?itemCode=${ITEM}&warehouseCode=${WAREHOUSE}&locationCode=${LOCATION}`,
  );
  if (r.status !== 200) throw new Error(`GET stock answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body.items.reduce((sum, row) => sum + Number(row.onHand), 0);
}

/**
 * @param {{ browser: import('playwright-core').Browser, baseUrl: string, shot: Function, log: Function, watch: Function }} ctx
 */
export async function warehousingScanReceiveFlow({ browser, baseUrl, shot, log, watch }) {
  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    deviceScaleFactor: 1,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  watch(page);
  try {
    log('• admin@demo.test signs in on a 1024 × 768 tablet; the demo tenant subscribes to 仓储管理');
    await login(page, baseUrl, 'admin@demo.test', 'Demo#2026');
    const sub = await api(page, 'POST', '/api/v1/subscriptions', { moduleKey: 'warehousing' });
    if (sub.status !== 201 && sub.status !== 409)
      throw new Error(`subscribing to warehousing answered ${sub.status}: ${JSON.stringify(sub.body)}`);
    await page.reload();
    await byTestId(page, 'menu-/warehousing/mobile').waitFor({ state: 'attached', timeout: TIMEOUT });

    const before = await onHand(page);
    log(`  ${ITEM} at ${WAREHOUSE}/${LOCATION} before: ${before}`);

    log('• 移动作业 → 收货');
    await page.goto(`${baseUrl}/warehousing/mobile`);
    await byTestId(page, 'mobile-tile-receive').waitFor({ timeout: TIMEOUT });
    await expectNoHorizontalOverflow(page, 'mobile tiles');
    await shot(page, 'warehousing-mobile-tiles');
    await byTestId(page, 'mobile-tile-receive').click();
    await page.waitForURL(/\/warehousing\/mobile\/receive$/, { timeout: TIMEOUT });
    const scanBox = field(page, 'mobile-scan-input');
    await scanBox.waitFor({ timeout: TIMEOUT });

    log('• scan the location label, then the item label (keyboard wedge: text + Enter)');
    await scanBox.fill(`L:${WAREHOUSE}/${LOCATION}`);
    await scanBox.press('Enter');
    await waitText(page, 'mobile-message', `库位 ${WAREHOUSE}/${LOCATION}`, 'location scan');
    await scanBox.fill(ITEM);
    await scanBox.press('Enter');
    await waitText(page, 'mobile-item', ITEM, 'item scan');
    if ((await field(page, 'mobile-scan-input').evaluate((el) => el === document.activeElement)) !== true)
      throw new Error('the scan box should keep the focus for the next scan');

    log(`• ${QTY} on the keypad`);
    for (const key of String(QTY)) await byTestId(page, `qty-key-${key}`).click();
    const typed = await field(page, 'mobile-qty').inputValue();
    if (typed !== String(QTY)) throw new Error(`the keypad typed “${typed}”, expected ${QTY}`);
    const keypadKey = await byTestId(page, 'qty-key-5').boundingBox();
    if (!keypadKey || keypadKey.height < 44)
      throw new Error(`keypad keys are too small to touch: ${JSON.stringify(keypadKey)}`);
    await expectNoHorizontalOverflow(page, 'mobile receive');
    await shot(page, 'warehousing-receive-ready');

    log('• confirm; the answer is lost on the way back (the server posts it), the page offers a retry');
    const keys = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith(MOVEMENTS))
        keys.push(req.headers()['idempotency-key']);
    });
    let served = 0;
    await page.route(`**${MOVEMENTS}`, async (route) => {
      if (route.request().method() !== 'POST' || served > 0) return route.fallback();
      served += 1;
      const response = await route.fetch();
      if (response.status() !== 201) throw new Error(`the first POST answered ${response.status()}`);
      await route.abort('failed');
    });
    await byTestId(page, 'mobile-confirm').click();
    await waitText(page, 'mobile-message', '不会重复记账', 'retry message after a lost answer');
    if ((await onHand(page)) !== before + QTY)
      throw new Error('the first POST should have been posted by the server');
    await shot(page, 'warehousing-receive-retry');

    log('• confirm again: same Idempotency-Key, posted once');
    await page.unroute(`**${MOVEMENTS}`);
    await byTestId(page, 'mobile-confirm').click();
    await waitText(page, 'mobile-message', '已记账', 'posted message');
    await waitText(page, 'mobile-recent', ITEM, 'recent lines');
    await waitText(page, 'mobile-recent', String(QTY), 'recent lines');
    if (keys.length !== 2 || !keys[0] || keys[0] !== keys[1])
      throw new Error(`the retry should reuse the Idempotency-Key: ${JSON.stringify(keys)}`);
    const after = await onHand(page);
    log(`  ${ITEM} at ${WAREHOUSE}/${LOCATION} after: ${after}`);
    if (after !== before + QTY)
      throw new Error(`on hand should rise by exactly ${QTY}: ${before} → ${after}`);
    await shot(page, 'warehousing-receive-done');

    log('• 库存查询 shows the item (tablet layout)');
    await page.goto(`${baseUrl}/warehousing/stock`);
    await byTestId(page, `stock-item-${ITEM}`).waitFor({ timeout: TIMEOUT });
    await expectNoHorizontalOverflow(page, 'stock page');
    await shot(page, 'warehousing-stock');
  } catch (e) {
    await shot(page, 'FAILED').catch(() => undefined);
    throw e;
  } finally {
    await context.close();
  }
}
