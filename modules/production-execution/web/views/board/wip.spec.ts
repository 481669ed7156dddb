import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { coreEnUS, coreZhCN, createAppI18n, sessionTokens } from '@mes/web-core';
import { byTestId, createFakeFetch, jsonResponse, settle } from '@mes/web-core/testing';
import type { WipOperation, WipWorkCenter } from '@mes/shared';
import { messages } from '../../locales';
import { pageMessages } from '../../locales/pages';
import Wip from './wip.vue';

const op = (over: Partial<WipOperation>): WipOperation => ({
  workOrderId: 'w1',
  workOrderNo: 'GD-0001',
  workOrderStatus: 'in_progress',
  itemCode: 'HSG',
  itemName: '机壳',
  seq: 10,
  name: '下料',
  status: 'in_progress',
  remainingQty: '12.5',
  dueDate: '2026-11-25',
  priority: 0,
  ...over,
});

const BOARD: WipWorkCenter[] = [
  {
    workCenterId: 'c1',
    workCenterCode: 'WC-CUT',
    workCenterName: '下料中心',
    inProgress: [op({})],
    pending: [
      op({ workOrderId: 'w2', workOrderNo: 'GD-0002', seq: 20, name: '折弯', status: 'pending' }),
      op({ workOrderId: 'w3', workOrderNo: 'GD-0003', seq: 10, status: 'pending', dueDate: null }),
    ],
  },
  {
    workCenterId: 'c2',
    workCenterCode: 'WC-ASM',
    workCenterName: '装配线',
    inProgress: [],
    pending: [op({ workOrderId: 'w4', workOrderNo: 'GD-0004', seq: 30, status: 'pending' })],
  },
];

async function mountBoard(board: WipWorkCenter[]) {
  const fake = createFakeFetch((call) =>
    call.url.endsWith('/production-execution/wip') ? jsonResponse(200, board) : jsonResponse(404),
  );
  vi.stubGlobal('fetch', fake.fetch);
  sessionTokens.set({ accessToken: 'a', refreshToken: 'r' });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/production-execution/wip', component: Wip },
      { path: '/production-execution/work-orders/:id', component: { template: '<div />' } },
    ],
  });
  await router.push('/production-execution/wip');
  const i18n = createAppI18n([{ 'zh-CN': coreZhCN, 'en-US': coreEnUS }, messages, pageMessages], 'zh-CN');
  mount(Wip, { global: { plugins: [createPinia(), i18n, router] }, attachTo: document.body });
  await settle();
  await vi.waitFor(() => {
    expect(byTestId('wip-card-GD-0001-10')).not.toBeNull();
  });
  return { router };
}

const texts = (selector: string, root: ParentNode = document) =>
  [...root.querySelectorAll<HTMLElement>(selector)].map((e) => e.textContent.trim());

describe('在制看板 (WIP board)', () => {
  afterEach(() => {
    sessionTokens.clear();
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('shows per work center what runs, then what waits, and marks the running cards', async () => {
    await mountBoard(BOARD);
    expect(texts('.pe-wip__head strong')).toEqual(['WC-CUT', 'WC-ASM']);
    expect(texts('.pe-wip__head .pe-muted')).toEqual(['下料中心', '装配线']);
    // running / waiting per center
    expect(texts('.pe-wip__count')).toEqual(['1 / 2', '0 / 1']);
    expect(texts('.pe-wip__group')).toEqual(['加工中', '待加工', '加工中', '待加工']);

    const running = byTestId('wip-card-GD-0001-10');
    expect(running?.classList.contains('pe-wip__card--running')).toBe(true);
    expect(running?.textContent).toContain('10 下料');
    expect(running?.textContent).toContain('HSG 机壳');
    expect(running?.querySelector('.pe-num')?.textContent).toBe('12.5');
    expect(running?.textContent).toContain('2026-11-25');

    const waiting = byTestId('wip-card-GD-0002-20');
    expect(waiting?.classList.contains('pe-wip__card')).toBe(true);
    expect(waiting?.classList.contains('pe-wip__card--running')).toBe(false);
    expect(waiting?.textContent).toContain('20 折弯');
    // No due date: none shown.
    expect(byTestId('wip-card-GD-0003-10')?.textContent).not.toContain('2026-');

    // In document order: running before waiting within a center, centers as the API sends them.
    expect(
      [...document.querySelectorAll<HTMLElement>('[data-testid^="wip-card-"]')].map((e) => e.dataset.testid),
    ).toEqual(['wip-card-GD-0001-10', 'wip-card-GD-0002-20', 'wip-card-GD-0003-10', 'wip-card-GD-0004-30']);
    // An empty column says so: WC-ASM runs nothing.
    expect(texts('.pe-wip__none')).toEqual(['—']);
  });

  it('opens the work order of a card', async () => {
    const { router } = await mountBoard(BOARD);
    byTestId('wip-card-GD-0002-20')?.click();
    await vi.waitFor(() => {
      expect(router.currentRoute.value.fullPath).toBe('/production-execution/work-orders/w2');
    });
  });
});
