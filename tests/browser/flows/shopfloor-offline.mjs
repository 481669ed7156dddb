// 车间报工 on a 1024 × 768 tablet, offline: seeded through the API (an operator with a PIN, a work order
// released and started), the tablet signs in as the workshop lead, the operator identifies with the PIN
// keypad, scans (types) the work order number, reports; then the network goes away
// (context.setOffline), two more reports wait in the IndexedDB outbox (the badge shows 2), the network
// comes back, the queue drains, and the server holds exactly those three reports — the work order's
// only operation is its last, so finished goods were received once per report. Last, the service
// worker has cached the shell: a reload while offline starts the app.
import { TIMEOUT, byTestId, expectNoHorizontalOverflow, expectText, field } from '../lib/ui.mjs';

const ITEM = 'HSG-DRL';
const PIN = '2468';
const QTYS = ['10', '5', '7'];

/** The API as the demo factory's admin, from Node (seeding and checking, not the page). */
async function adminApi(baseUrl) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.test', password: 'Demo#2026' }),
  });
  if (res.status !== 200) throw new Error(`admin login answered ${res.status}`);
  const { accessToken } = await res.json();
  return async (method, path, body, expected) => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${accessToken}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    const answer = text ? JSON.parse(text) : null;
    if (expected && !expected.includes(r.status))
      throw new Error(`${method} ${path} answered ${r.status}: ${text}`);
    return answer;
  };
}

/** Waits until the element marked `id` shows `text`. */
async function waitText(page, id, text, what) {
  await page
    .locator(`[data-testid="${id}"]`, { hasText: text })
    .first()
    .waitFor({ timeout: TIMEOUT })
    .catch(() => undefined);
  await expectText(byTestId(page, id).first(), text, what);
}

/** Waits until the outbox badge counts exactly `n` entries still to send. */
async function waitQueue(page, n, what) {
  await page
    .waitForFunction(
      (want) => document.querySelector('[data-testid="queue-count"]')?.textContent?.trim() === want,
      String(n),
      { timeout: TIMEOUT },
    )
    .catch(() => undefined);
  const shown = (await byTestId(page, 'queue-count').textContent())?.trim();
  if (shown !== String(n)) throw new Error(`${what}: the queue badge shows ${shown}, expected ${n}`);
}

/** Waits until the outbox holds `n` entries in all (sent ones included): the submit reached it. */
async function waitEntries(page, n, what) {
  await page
    .waitForFunction(
      (want) => document.querySelector('[data-testid="queue-total"]')?.textContent?.trim() === want,
      String(n),
      { timeout: TIMEOUT },
    )
    .catch(() => undefined);
  const shown = (await byTestId(page, 'queue-total').textContent())?.trim();
  if (shown !== String(n)) throw new Error(`${what}: the outbox holds ${shown} entries, expected ${n}`);
}

async function typeQty(page, qty) {
  for (const key of qty) await byTestId(page, `qty-key-${key === '.' ? 'dot' : key}`).click();
  await waitText(page, 'good-qty', qty, 'good quantity on the keypad');
}

/**
 * @param {{ browser: import('playwright-core').Browser, baseUrl: string, shot: Function, log: Function, watch: Function }} ctx
 */
export async function shopfloorOfflineFlow({ browser, baseUrl, shot, log, watch }) {
  const api = await adminApi(baseUrl);
  log(
    '• seed through the API: subscribe 生产过程管理, an operator with a PIN, a work order released and started',
  );
  await api(
    'POST',
    '/subscriptions',
    { moduleKey: 'production-execution', withDependencies: true },
    [201, 409],
  );
  const code = `OP-SF${Date.now().toString(36).slice(-4).toUpperCase()}`;
  await api('POST', '/production-execution/operators', { code, name: '赵敏', pin: PIN }, [201]);
  const wo = await api(
    'POST',
    '/production-execution/work-orders',
    { itemCode: ITEM, qty: '100', issueMode: 'picking' },
    [201],
  );
  await api('POST', `/production-execution/work-orders/${wo.id}/release`, { force: true }, [200]);
  await api('POST', `/production-execution/work-orders/${wo.id}/start`, undefined, [200]);
  if (wo.operations.length !== 1)
    throw new Error(`${ITEM} should have one operation: ${wo.operations.length}`);
  log(`  work order ${wo.no}, operator ${code}`);

  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    deviceScaleFactor: 1,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  watch(page);
  const keys = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().endsWith(`/work-orders/${wo.id}/reports`))
      keys.push(req.headers()['idempotency-key']);
  });
  try {
    log('• /shopfloor: the tablet signs in as the workshop lead');
    await page.goto(`${baseUrl}/shopfloor`);
    await field(page, 'signin-email').waitFor({ timeout: TIMEOUT });
    await field(page, 'signin-email').fill('lead@demo.test');
    await field(page, 'signin-password').fill('Lead#2026');
    await byTestId(page, 'signin-submit').click();

    log(`• the operator identifies: code ${code} + PIN on the keypad`);
    await field(page, 'operator-code').waitFor({ timeout: TIMEOUT });
    await field(page, 'operator-code').fill(code);
    for (const key of PIN) await byTestId(page, `pin-key-${key}`).click();
    const keyBox = await byTestId(page, 'pin-key-5').boundingBox();
    if (!keyBox || keyBox.height < 56)
      throw new Error(`PIN keys are too small for gloves: ${JSON.stringify(keyBox)}`);
    await shot(page, 'shopfloor-identify');
    await byTestId(page, 'pin-confirm').click();
    await waitText(page, 'current-operator', code, 'operator chip');

    log(`• scan (type) ${wo.no} + Enter → the card`);
    await field(page, 'wo-scan').fill(wo.no);
    await field(page, 'wo-scan').press('Enter');
    await waitText(page, 'wo-no', wo.no, 'work order card');
    await waitText(page, 'wo-status', '生产中', 'work order status');
    await expectNoHorizontalOverflow(page, 'shopfloor card');

    log(`• report ${QTYS[0]} online`);
    await typeQty(page, QTYS[0]);
    await shot(page, 'shopfloor-report-ready');
    await byTestId(page, 'report-submit').click();
    await waitEntries(page, 1, 'after the online report');
    await waitQueue(page, 0, 'after the online report');
    const first = await api('GET', `/production-execution/work-orders/${wo.id}/reports`, undefined, [200]);
    if (first.total !== 1) throw new Error(`the online report should be on the server: ${first.total}`);

    log('• offline: two more reports wait in the outbox');
    await context.setOffline(true);
    await waitText(page, 'net-status', '离线', 'offline indicator');
    for (const [i, qty] of QTYS.slice(1).entries()) {
      await typeQty(page, qty);
      await byTestId(page, 'report-submit').click();
      await waitEntries(page, i + 2, `offline report ${qty}`);
      await waitText(page, 'work-message', '已加入发送队列', 'queued message');
    }
    await waitQueue(page, 2, 'while offline');
    await byTestId(page, 'queue-badge').click();
    await byTestId(page, 'queue-drawer').waitFor({ timeout: TIMEOUT });
    const pending = await byTestId(page, 'queue-entry-pending').count();
    if (pending !== 2) throw new Error(`the drawer should list 2 pending entries, lists ${pending}`);
    await shot(page, 'shopfloor-offline-queue');
    await byTestId(page, 'queue-close').click();
    const during = await api('GET', `/production-execution/work-orders/${wo.id}/reports`, undefined, [200]);
    if (during.total !== 1) throw new Error(`nothing should reach the server while offline: ${during.total}`);

    log('• back online: the queue drains');
    await context.setOffline(false);
    await waitText(page, 'net-status', '在线', 'online indicator');
    await waitQueue(page, 0, 'after coming back online');
    await shot(page, 'shopfloor-drained');

    log('• the server holds exactly those 3 reports, received once each');
    const reports = await api('GET', `/production-execution/work-orders/${wo.id}/reports`, undefined, [200]);
    const got = reports.items.map((r) => r.goodQty);
    if (JSON.stringify(got) !== JSON.stringify(QTYS))
      throw new Error(`the server should hold reports ${QTYS.join(', ')}: ${got.join(', ')}`);
    if (!reports.items.every((r) => r.operatorCodes.length === 1 && r.operatorCodes[0] === code))
      throw new Error(
        `every report should name ${code}: ${JSON.stringify(reports.items.map((r) => r.operatorCodes))}`,
      );
    if (!reports.items.every((r) => r.receiptDocNo))
      throw new Error('every report on the last operation should have received finished goods');
    const receipts = await api(
      'GET',
      `/warehousing/movements?ref=${wo.no}&type=production_receipt&pageSize=100`,
      undefined,
      [200],
    );
    const received = receipts.items.map((m) => Number(m.qty)).sort((a, b) => a - b);
    if (JSON.stringify(received) !== JSON.stringify(QTYS.map(Number).sort((a, b) => a - b)))
      throw new Error(`finished goods should be received once per report: ${JSON.stringify(received)}`);
    const after = await api('GET', `/production-execution/work-orders/${wo.id}`, undefined, [200]);
    if (Number(after.receivedQty) !== 22) throw new Error(`received ${after.receivedQty}, expected 22`);
    if (new Set(keys).size !== 3)
      throw new Error(`3 distinct Idempotency-Keys expected: ${JSON.stringify(keys)}`);
    await waitText(page, 'wo-card', '22', 'card refreshed from the server');
    log(
      `  reports ${got.join(' + ')} = ${after.receivedQty}; ${keys.length} POSTs, ${new Set(keys).size} keys`,
    );

    log('• installable PWA: the service worker cached the shell; the app starts offline');
    const shell = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const manifest = document.querySelector('link[rel="manifest"]')?.getAttribute('href');
      return { scope: reg.scope, cached: Boolean(await caches.match('/shopfloor/')), manifest };
    });
    if (
      !shell.scope.endsWith('/shopfloor/') ||
      !shell.cached ||
      shell.manifest !== '/shopfloor/manifest.webmanifest'
    )
      throw new Error(`service worker / manifest not as expected: ${JSON.stringify(shell)}`);
    await context.setOffline(true);
    await page.reload();
    await waitText(page, 'current-operator', code, 'operator chip after an offline start');
    await waitText(page, 'net-status', '离线', 'offline indicator after an offline start');
    await shot(page, 'shopfloor-offline-start');
    await context.setOffline(false);
  } catch (e) {
    await shot(page, 'FAILED').catch(() => undefined);
    throw e;
  } finally {
    await context.close();
  }
}
