import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { coreEnUS, coreZhCN, createAppI18n, sessionTokens, useAuthStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse } from '@mes/web-core/testing';
import type { CalendarView } from '../../api/calendar.api';
import { messages } from '../../locales';
import { pageMessages } from '../../locales/pages';
import CalendarEditor from './editor.vue';

const notify = vi.hoisted(() => ({ success: vi.fn(), info: vi.fn(), warning: vi.fn(), error: vi.fn() }));
vi.mock('@mes/web-core', async (importOriginal) => ({ ...(await importOriginal<object>()), notify }));

const shifts = [
  { start: '08:00', end: '12:00' },
  { start: '11:00', end: '17:00' },
];
const calendar: CalendarView = {
  id: 'c1',
  code: 'TWO-SHIFT',
  name: '两班制',
  weeklyMinutes: 3000,
  createdAt: '2026-01-05T02:00:00Z',
  definition: {
    timeZone: 'Asia/Shanghai',
    weekly: { mon: shifts, tue: shifts, wed: shifts, thu: shifts, fri: shifts, sat: [], sun: [] },
    exceptions: [],
  },
};

async function mountEditor(handler: Parameters<typeof createFakeFetch>[0]) {
  const fake = createFakeFetch(handler);
  vi.stubGlobal('fetch', fake.fetch);
  sessionTokens.set({ accessToken: 'a', refreshToken: 'r' });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/master-data/calendars', component: { template: '<div />' } },
      { path: '/master-data/calendars/:id', component: CalendarEditor, props: true },
    ],
  });
  await router.push('/master-data/calendars/c1');
  const i18n = createAppI18n([{ 'zh-CN': coreZhCN, 'en-US': coreEnUS }, messages, pageMessages], 'zh-CN');
  const pinia = createPinia();
  useAuthStore(pinia).$patch({ permissions: ['master-data:write'] });
  const wrapper = mount(CalendarEditor, {
    props: { id: 'c1' },
    global: { plugins: [pinia, i18n, router] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, fake };
}

describe('calendar editor', () => {
  afterEach(() => {
    sessionTokens.clear();
    document.body.innerHTML = '';
  });

  it('shows a 400 on definition.weekly.mon[1].end next to that window only', async () => {
    const { wrapper, fake } = await mountEditor((call) => {
      if (call.url.includes('/working-time'))
        return jsonResponse(200, { from: '', to: '', minutes: 0, windows: [] });
      if (call.method === 'GET') return jsonResponse(200, calendar);
      return jsonResponse(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'invalid',
        details: [
          {
            field: 'definition.weekly.mon[1].end',
            message: 'weekly.mon[1] (11:00–17:00) overlaps weekly.mon[0] (08:00–12:00)',
          },
        ],
      });
    });
    expect(wrapper.find('[data-testid="calendar-week-hours"]').text()).toContain('每周 50 小时');

    await wrapper.find('[data-testid="calendar-save"]').trigger('click');
    await flushPromises();

    const patch = fake.calls.find((c) => c.method === 'PATCH');
    expect(patch?.url).toBe('/api/v1/master-data/calendars/c1');
    expect(patch?.body).toEqual({
      code: 'TWO-SHIFT',
      name: '两班制',
      definition: { ...(calendar.definition as object), exceptions: [] },
    });
    expect(wrapper.find('[data-testid="calendar-mon-error-1"]').text()).toBe('与同一天的其他班次重叠');
    expect(wrapper.find('[data-testid="calendar-mon-error-0"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="calendar-tue-error-1"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="calendar-error"]').text()).toContain('日历定义有误');
    expect(notify.success).not.toHaveBeenCalled();
  });

  it('draws the next two weeks of working windows with the total', async () => {
    const { wrapper, fake } = await mountEditor((call) => {
      if (call.url.includes('/working-time')) {
        const from = new URL(call.url, 'http://x').searchParams.get('from') ?? '';
        const start = Date.parse(from) + 8 * 3600_000; // 08:00 Shanghai on the first day
        return jsonResponse(200, {
          from,
          to: '',
          minutes: 240,
          windows: [
            { start: new Date(start).toISOString(), end: new Date(start + 4 * 3600_000).toISOString() },
          ],
        });
      }
      return jsonResponse(200, calendar);
    });
    const asked = fake.calls.find((c) => c.url.includes('/working-time'));
    const query = new URL(asked?.url ?? '', 'http://x').searchParams;
    const days = (Date.parse(query.get('to') ?? '') - Date.parse(query.get('from') ?? '')) / 86_400_000;
    expect(days).toBe(14);
    expect(wrapper.find('[data-testid="calendar-preview-total"]').text()).toContain(
      '合计 240 分钟（4 小时）',
    );
    const rows = wrapper.findAll('[data-testid^="calendar-timeline-2"]');
    expect(rows).toHaveLength(14);
    const segment = rows[0]?.find('.md-timeline__segment');
    expect(segment?.attributes('style')).toContain('left: 33.3');
    expect(segment?.attributes('title')).toBe('08:00–12:00');
  });

  it('does not send windows without times', async () => {
    const broken = {
      ...calendar,
      definition: {
        ...(calendar.definition as object),
        weekly: {
          ...(calendar.definition as { weekly: object }).weekly,
          mon: [{ start: '08:00', end: '' }],
        },
      },
    };
    const { wrapper, fake } = await mountEditor((call) =>
      call.url.includes('/working-time')
        ? jsonResponse(200, { from: '', to: '', minutes: 0, windows: [] })
        : jsonResponse(200, broken),
    );
    await wrapper.find('[data-testid="calendar-save"]').trigger('click');
    await flushPromises();
    expect(fake.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    expect(wrapper.find('[data-testid="calendar-mon-error-0"]').text()).toBe('请选择结束时间');
  });
});
