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
import type { JobView, ScheduleRunView } from '@mes/shared';
import { messages } from '../locales';
import { pageMessages } from '../locales/pages';
import Runs from './runs.vue';

const notify = vi.hoisted(() => ({ success: vi.fn(), info: vi.fn(), warning: vi.fn(), error: vi.fn() }));
vi.mock('@mes/web-core', async (importOriginal) => ({ ...(await importOriginal<object>()), notify }));

const job = (state: JobView['state'], progress: number, failedReason: string | null = null): JobView =>
  jobView({ queue: 'scheduling', state, progress, failedReason });

const run = (over: Partial<ScheduleRunView>): ScheduleRunView => ({
  id: 'r1',
  jobId: 'j1',
  status: 'running',
  strategy: 'backward',
  rule: 'EDD',
  timeLimitSeconds: 2,
  name: '',
  versionId: null,
  cancelRequested: false,
  error: null,
  timings: null,
  warnings: [],
  createdAt: '2026-11-21T01:00:00Z',
  startedAt: '2026-11-21T01:00:01Z',
  finishedAt: null,
  ...over,
});

async function mountRuns(handler: (call: FakeCall) => Response) {
  const fake = createFakeFetch(handler);
  vi.stubGlobal('fetch', fake.fetch);
  vi.stubGlobal('EventSource', FakeEventSource);
  sessionTokens.set({ accessToken: 'a', refreshToken: 'r' });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/scheduling/runs', component: Runs },
      { path: '/scheduling/gantt', component: { template: '<div />' } },
    ],
  });
  await router.push('/scheduling/runs');
  const i18n = createAppI18n([{ 'zh-CN': coreZhCN, 'en-US': coreEnUS }, messages, pageMessages], 'zh-CN');
  const pinia = createPinia();
  useAuthStore(pinia).$patch({ permissions: ['scheduling:read', 'scheduling:run'] });
  const wrapper = mount(Runs, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body });
  await settle();
  return { wrapper, fake, router };
}

/** The progress card is a component of `@mes/web-core/pages` loaded on first use: waits for it. */
const progressShown = () =>
  vi.waitFor(
    () => {
      expect(byTestId('sch-run-progress')).not.toBeNull();
    },
    { timeout: 5000 },
  );

describe('scheduling runs page', () => {
  afterEach(() => {
    sessionTokens.clear();
    document.body.innerHTML = '';
    FakeEventSource.last = null;
    vi.unstubAllGlobals();
    vi.clearAllMocks();
  });

  it('follows the running run through its job to the version it produced', async () => {
    let finished = false;
    const done = run({ status: 'succeeded', versionId: 'v1', finishedAt: '2026-11-21T01:00:03Z' });
    const { wrapper, router } = await mountRuns((call) => {
      if (call.url === '/api/v1/jobs/j1') return jsonResponse(200, job('active', 10));
      if (call.url === '/api/v1/scheduling/runs/r1') return jsonResponse(200, done);
      if (call.url.startsWith('/api/v1/scheduling/runs'))
        return jsonResponse(200, { items: [finished ? done : run({})], total: 1 });
      return jsonResponse(404, { code: 'NOT_FOUND', message: call.url });
    });
    const card = () => byTestId('sch-run-progress')!;
    await progressShown();
    expect(card().dataset['state']).toBe('active');
    expect(card().dataset['percent']).toBe('10');
    expect(byTestId('sch-run-progress-text')?.textContent).toContain('运算中 10%');
    expect(byTestId('sch-run-cancel')).not.toBeNull();
    expect(FakeEventSource.last?.url).toBe('/api/v1/jobs/j1/events?access_token=a');

    FakeEventSource.last!.emit('progress', job('active', 60));
    await flushPromises();
    expect(card().dataset['percent']).toBe('60');
    expect(card().querySelector('.el-progress__text')?.textContent).toContain('60%');

    finished = true;
    FakeEventSource.last!.emit('progress', job('completed', 100));
    await settle();
    expect(card().dataset['state']).toBe('completed');
    expect(card().dataset['percent']).toBe('100');
    expect(byTestId('sch-run-progress-text')?.textContent).toContain('运算完成');
    expect(FakeEventSource.last!.closed).toBe(true);
    expect(byTestId('sch-run-cancel')).toBeNull();
    expect(byTestId('sch-run-result')?.textContent).toContain('排产完成，已生成新的排产版本');
    byTestId('sch-run-view-gantt')!.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/scheduling/gantt?version=v1');
    wrapper.unmount();
  });

  it('shows a failed run with the fields of its error and the reason of its job', async () => {
    const failed = run({
      status: 'failed',
      finishedAt: '2026-11-21T01:00:02Z',
      error: {
        message: 'nothing to schedule',
        details: [{ field: 'workCenterCodes[0]', message: 'unknown work center "X"' }],
      },
    });
    const { wrapper } = await mountRuns((call) => {
      if (call.url === '/api/v1/jobs/j1') return jsonResponse(200, job('active', 10));
      if (call.url === '/api/v1/scheduling/runs/r1') return jsonResponse(200, failed);
      if (call.url.startsWith('/api/v1/scheduling/runs'))
        return jsonResponse(200, { items: [run({})], total: 1 });
      return jsonResponse(404, { code: 'NOT_FOUND', message: call.url });
    });
    await progressShown();
    FakeEventSource.last!.emit('progress', job('failed', 40, 'the search broke'));
    await settle();
    const card = byTestId('sch-run-progress')!;
    expect(card.dataset['state']).toBe('failed');
    expect(byTestId('sch-run-progress-text')?.textContent).toContain('排产运算失败');
    const result = byTestId('sch-run-result')!;
    expect(result.textContent).toContain('nothing to schedule');
    expect(result.textContent).toContain('workCenterCodes[0]: unknown work center "X"');
    expect(byTestId('sch-run-view-gantt')).toBeNull();
    expect(card.textContent).toContain('the search broke');
    wrapper.unmount();
  });
});
