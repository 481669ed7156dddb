import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { coreEnUS, coreZhCN, createAppI18n, sessionTokens, useAuthStore } from '@mes/web-core';
import {
  byTestId,
  createFakeFetch,
  FakeEventSource,
  jobView,
  jsonResponse,
  settle,
  type FakeCall,
} from '@mes/web-core/testing';
import type { JobView, MrpRunView } from '@mes/shared';
import { messages } from '../locales';
import { pageMessages } from '../locales/pages';
import Runs from './runs.vue';

const notify = vi.hoisted(() => ({ success: vi.fn(), info: vi.fn(), warning: vi.fn(), error: vi.fn() }));
vi.mock('@mes/web-core', async (importOriginal) => ({ ...(await importOriginal<object>()), notify }));

const job = (state: JobView['state'], progress: number): JobView => jobView({ id: 'r1', state, progress });

const run = (over: Partial<MrpRunView>): MrpRunView => ({
  id: 'r1',
  jobId: 'r1',
  status: 'running',
  start: '2026-11-21',
  horizonDays: 90,
  lockStock: true,
  current: false,
  counts: null,
  timings: null,
  error: null,
  attempts: 1,
  createdAt: '2026-11-21T01:00:00Z',
  startedAt: '2026-11-21T01:00:01Z',
  finishedAt: null,
  ...over,
});

const succeeded = run({
  status: 'succeeded',
  current: true,
  counts: {
    items: 40,
    bomLines: 60,
    demands: 5,
    scheduledReceipts: 3,
    plannedOrders: 12,
    pegs: 20,
    exceptions: 2,
    lockedLines: 1,
    lockedQty: '4',
  },
  timings: { build: 120, engine: 30, lock: 5, store: 80 },
  finishedAt: '2026-11-21T01:00:01.5Z',
});

async function mountRuns(handler: (call: FakeCall) => Response) {
  const fake = createFakeFetch(handler);
  vi.stubGlobal('fetch', fake.fetch);
  vi.stubGlobal('EventSource', FakeEventSource);
  sessionTokens.set({ accessToken: 'a', refreshToken: 'r' });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/mrp/runs', component: Runs },
      { path: '/mrp/plan', component: { template: '<div />' } },
      { path: '/mrp/exceptions', component: { template: '<div />' } },
    ],
  });
  await router.push('/mrp/runs');
  const i18n = createAppI18n([{ 'zh-CN': coreZhCN, 'en-US': coreEnUS }, messages, pageMessages], 'zh-CN');
  const pinia = createPinia();
  useAuthStore(pinia).$patch({ permissions: ['mrp:read', 'mrp:run'] });
  const wrapper = mount(Runs, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, fake, router };
}

/** The progress card is a component of `@mes/web-core/pages` loaded on first use: waits for it. */
const progressShown = () =>
  vi.waitFor(
    () => {
      expect(byTestId('mrp-run-progress')).not.toBeNull();
    },
    { timeout: 5000 },
  );

describe('MRP runs page', () => {
  afterEach(() => {
    sessionTokens.clear();
    document.body.innerHTML = '';
    FakeEventSource.last = null;
    vi.unstubAllGlobals();
    vi.clearAllMocks();
  });

  it('submits a run, shows the progress bar fed by the job, and the result when it is done', async () => {
    let finished = false;
    const { wrapper, fake } = await mountRuns((call) => {
      if (call.method === 'POST' && call.url === '/api/v1/mrp/runs')
        return jsonResponse(202, { runId: 'r1', jobId: 'r1' });
      if (call.url === '/api/v1/jobs/r1') return jsonResponse(200, job('waiting', 0));
      if (call.url === '/api/v1/mrp/runs/r1') return jsonResponse(200, succeeded);
      if (call.url.startsWith('/api/v1/mrp/runs'))
        return jsonResponse(200, finished ? { items: [succeeded], total: 1 } : { items: [], total: 0 });
      return jsonResponse(404, { code: 'NOT_FOUND', message: call.url });
    });
    expect(byTestId('mrp-run-progress')).toBeNull();

    byTestId('mrp-run-open')!.click();
    await flushPromises();
    const lock = document.querySelector<HTMLElement>('[data-testid="mrp-run-lock"]');
    lock!.click();
    await flushPromises();
    byTestId('mrp-run-submit')!.click();
    await flushPromises();

    const post = fake.calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ horizonDays: 180, lockStock: true });
    expect(notify.success).toHaveBeenCalledWith('MRP 已提交，正在运算…');
    const bar = () => byTestId('mrp-run-progress')!;
    await progressShown();
    expect(bar().dataset['state']).toBe('waiting');
    expect(FakeEventSource.last?.url).toBe('/api/v1/jobs/r1/events?access_token=a');

    FakeEventSource.last!.emit('progress', job('active', 45));
    await flushPromises();
    expect(bar().dataset['percent']).toBe('45');
    expect(bar().querySelector('.el-progress__text')?.textContent).toContain('45%');
    expect(byTestId('mrp-run-progress-text')?.textContent).toContain('运算中 45%');

    finished = true;
    FakeEventSource.last!.emit('progress', job('completed', 100));
    await settle();
    expect(bar().dataset['state']).toBe('completed');
    expect(bar().dataset['percent']).toBe('100');
    expect(FakeEventSource.last!.closed).toBe(true);
    expect(byTestId('mrp-run-result')?.textContent).toContain('运算完成：12 条计划订单，2 条例外信息');
    const tableText = () => byTestId('mrp-runs-table')!.textContent;
    await vi.waitFor(() => {
      expect(tableText()).toContain('成功');
    });
    const table = tableText();
    expect(table).toContain('当前计划');
    expect(table).toContain('40 物料 · 5 需求 · 12 计划订单 · 2 例外');
    expect(table).toContain('建模 120 ms');
    expect(table).toContain('锁定 1 行 / 4');
    wrapper.unmount();
  });

  it('follows the active run on a 409 and names the item of a failed run', async () => {
    const failed = run({
      status: 'failed',
      finishedAt: '2026-11-21T01:00:02Z',
      error: {
        message: 'the planning model is invalid',
        details: [{ field: 'demands[0].item', message: 'unknown item "OLD-1"' }],
      },
    });
    let state: 'running' | 'failed' = 'running';
    const { wrapper } = await mountRuns((call) => {
      if (call.method === 'POST')
        return jsonResponse(409, { code: 'MRP_RUN_ACTIVE', message: 'an MRP run is active' });
      if (call.url === '/api/v1/jobs/r1') return jsonResponse(200, job('active', 10));
      if (call.url === '/api/v1/mrp/runs/r1') return jsonResponse(200, failed);
      if (call.url.startsWith('/api/v1/mrp/runs'))
        return jsonResponse(200, { items: [state === 'running' ? run({}) : failed], total: 1 });
      return jsonResponse(404, { code: 'NOT_FOUND', message: call.url });
    });
    // the page follows the running run as soon as it opens
    await progressShown();
    expect(byTestId('mrp-run-progress')?.dataset['percent']).toBe('10');
    byTestId('mrp-run-open')!.click();
    await flushPromises();
    byTestId('mrp-run-submit')!.click();
    await flushPromises();
    expect(notify.warning).toHaveBeenCalledWith('已有一次 MRP 正在运行，显示它的进度');

    state = 'failed';
    FakeEventSource.last!.emit('progress', {
      ...job('failed', 10),
      failedReason: 'the planning model is invalid',
    });
    await flushPromises();
    expect(byTestId('mrp-run-progress')?.dataset['state']).toBe('failed');
    expect(byTestId('mrp-run-result')?.textContent).toContain('unknown item "OLD-1"');
    expect(byTestId('mrp-run-error')?.textContent).toContain('unknown item "OLD-1"');
    wrapper.unmount();
  });
});
