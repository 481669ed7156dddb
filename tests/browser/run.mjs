// Browser tests: playwright-core driving Debian's Chromium against a throw-away stack
// (fresh database, setup, API serving dist/web). `npm run test:browser`; screenshots and the
// server log go to test-artifacts/browser/. Exits non-zero on any failure.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStack } from './lib/stack.mjs';
import { createShooter } from './lib/ui.mjs';
import { subscribeModuleFlow } from './flows/subscribe-module.mjs';
import { tabletFlow } from './flows/tablet.mjs';
import { operatorFlow } from './flows/operator.mjs';
import { contractorFlow } from './flows/contractor.mjs';
import { masterDataBomFlow } from './flows/master-data-bom.mjs';
import { masterDataRoutingFlow } from './flows/master-data-routing.mjs';
import { warehousingScanReceiveFlow } from './flows/warehousing-scan-receive.mjs';
import { mrpRunFlow } from './flows/mrp-run.mjs';
import { schedulingGanttFlow } from './flows/scheduling-gantt.mjs';
import { productionExecutionFlow } from './flows/production-execution.mjs';
import { shopfloorOfflineFlow } from './flows/shopfloor-offline.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = resolve(ROOT, 'test-artifacts/browser');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const log = (msg) => {
  console.log(msg);
};

const flows = [
  ['subscribe → use → unsubscribe (desktop)', subscribeModuleFlow],
  ['tablet 768 × 1024', tabletFlow],
  ['operator: tenant management', operatorFlow],
  ['contractor: tenant switch; workshop lead: read-only store', contractorFlow],
  ['master data: items, BOM, multi-level explosion, cycle refused', masterDataBomFlow],
  ['master data: shift calendar, work center, routing, import, labels, scan', masterDataRoutingFlow],
  ['warehousing: scan to receive on a 1024 × 768 tablet, retried once', warehousingScanReceiveFlow],
  ['mrp: forecast, run with progress, plan count, pegging, record', mrpRunFlow],
  [
    'scheduling: run with progress, Gantt bars, move in the side panel pushes the successor',
    schedulingGanttFlow,
  ],
  [
    'shop floor: PIN sign-in, scan, report; offline twice, back online, the queue drains (1024 × 768)',
    shopfloorOfflineFlow,
  ],
  [
    'production execution: create, release (kit complete), start, report op 10 and 20, completed, received once',
    productionExecutionFlow,
  ],
];

async function main() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM_PATH)`,
    );
  }
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });

  let stack = null;
  let browser = null;
  let failed = 0;
  const stopAll = async () => {
    await browser?.close().catch(() => undefined);
    browser = null;
    await stack?.stop();
    stack = null;
  };
  const onSignal = (signal) => {
    log(`\n${signal}: cleaning up`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    stack = await startStack({ root: ROOT, artifacts: ARTIFACTS, log });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const shot = createShooter(ARTIFACTS, log);

    for (const [name, flow] of flows) {
      log(`\n▶ ${name}`);
      const pageErrors = [];
      const watch = (page) => {
        page.on('pageerror', (e) => pageErrors.push(`uncaught: ${e.message}`));
        page.on('console', (m) => {
          // Failed requests the flow provokes on purpose (wrong password) log "Failed to load resource".
          if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
            pageErrors.push(m.text());
        });
      };
      const started = Date.now();
      try {
        await flow({ browser, baseUrl: stack.baseUrl, shot, log, watch });
        if (pageErrors.length)
          throw new Error(`errors in the browser console:\n  ${pageErrors.join('\n  ')}`);
        log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (e) {
        failed += 1;
        console.error(`✖ ${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        if (pageErrors.length) console.error(`  browser console:\n  ${pageErrors.join('\n  ')}`);
      }
    }
  } finally {
    await stopAll();
  }
  if (failed) {
    console.error(`\n✖ ${failed} browser flow(s) failed — screenshots and server.log in ${ARTIFACTS}`);
    process.exit(1);
  }
  log(`\n✔ all browser flows passed — screenshots in ${ARTIFACTS}`);
}

main().catch((e) => {
  console.error(`\n✖ browser tests could not run: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
