// Page helpers: stable selectors (data-testid), screenshots, failure context.
import { resolve } from 'node:path';

export const TIMEOUT = 15_000;

export const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);

/** The native input/textarea of an Element Plus field marked with data-testid. */
export function field(page, id) {
  return page
    .locator(
      [
        `input[data-testid="${id}"]`,
        `textarea[data-testid="${id}"]`,
        `[data-testid="${id}"] input`,
        `[data-testid="${id}"] textarea`,
      ].join(', '),
    )
    .first();
}

/** Waits for running CSS transitions/animations (dialogs fading in) to end; endless ones are ignored. */
export async function settle(page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

export function createShooter(artifacts, log) {
  let n = 0;
  return async (page, name) => {
    n += 1;
    await settle(page).catch(() => undefined);
    const file = resolve(artifacts, `${String(n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    log(`  📷 ${file}`);
  };
}

/** Waits until no Element Plus message box is open (they animate out). */
export async function waitDialogClosed(page) {
  await page
    .locator('.el-message-box')
    .waitFor({ state: 'hidden', timeout: TIMEOUT })
    .catch(() => undefined);
}

/** Clicks the confirm button of the open ElMessageBox (the app gives it `mes-dialog-confirm`). */
export async function confirmMessageBox(page) {
  const box = page.locator('.el-message-box').last();
  await box.waitFor({ state: 'visible', timeout: TIMEOUT });
  await box.locator('.mes-dialog-confirm').click();
  await waitDialogClosed(page);
}

/** Fails with the text of the page when `condition` does not hold. */
export async function expectText(locator, expected, what) {
  await locator.waitFor({ state: 'visible', timeout: TIMEOUT });
  const text = (await locator.innerText()).trim();
  if (!text.includes(expected)) throw new Error(`${what}: expected “${expected}” in “${text.slice(0, 300)}”`);
}

/** The page, and its scrolling main area, must not be wider than the viewport (no sideways scrolling). */
export async function expectNoHorizontalOverflow(page, what) {
  const boxes = await page.evaluate(() =>
    [document.documentElement, ...document.querySelectorAll('main')].map((el) => ({
      name: el.tagName.toLowerCase(),
      scroll: el.scrollWidth,
      client: el.clientWidth,
    })),
  );
  for (const { name, scroll, client } of boxes) {
    if (scroll > client + 1) throw new Error(`${what}: <${name}> is ${scroll}px wide in ${client}px`);
  }
}

export async function login(page, baseUrl, email, password) {
  await page.goto(`${baseUrl}/login`);
  await field(page, 'login-email').fill(email);
  await field(page, 'login-password').fill(password);
  await byTestId(page, 'login-submit').click();
  await page.waitForURL(/\/workbench$/, { timeout: TIMEOUT });
}
