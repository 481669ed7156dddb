import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { coreEnUS, coreZhCN, createAppI18n } from '@mes/web-core';
import type { GanttOperation, GanttView } from '@mes/shared';
import { messages } from '../locales';
import { pageMessages } from '../locales/pages';
import GanttChart from './gantt-chart.vue';

const at = (h: number, m = 0) => new Date(2026, 10, 23, h, m).getTime();
const iso = (h: number, m = 0) => new Date(at(h, m)).toISOString();

const op = (id: string, over: Partial<GanttOperation> = {}): GanttOperation => ({
  id,
  workOrderId: 'wo1',
  workOrderNo: 'WO-1',
  itemCode: 'FG-1',
  itemName: '成品',
  seq: 10,
  name: '车削',
  resourceCode: 'CNC',
  workCenterCode: 'CNC',
  eligibleResources: ['CNC', 'CNC#2'],
  setupStart: iso(8),
  start: iso(8, 30),
  end: iso(10),
  setupMinutes: 30,
  qty: '10',
  locked: false,
  started: false,
  late: false,
  ...over,
});

const resource = (code: string) => ({
  code,
  workCenterCode: 'CNC',
  name: code,
  utilisation: 0.5,
  busyMinutes: 1,
  availableMinutes: 2,
  closed: [{ start: iso(11), end: iso(12) }],
});

const view = {
  version: {} as GanttView['version'],
  horizonStart: iso(8),
  resources: [resource('CNC'), resource('CNC#2')],
  operations: [
    op('a'),
    op('b', { seq: 20, setupStart: iso(10), start: iso(10), end: iso(11), setupMinutes: 0 }),
  ],
  orders: [],
} satisfies GanttView;

function mountChart(over: Record<string, unknown> = {}) {
  const i18n = createAppI18n([{ 'zh-CN': coreZhCN, 'en-US': coreEnUS }, messages, pageMessages]);
  return mount(GanttChart, {
    props: {
      view,
      mode: 'resource',
      colourBy: 'order',
      zoom: 'all',
      range: { from: at(8), to: at(12) },
      highlight: null,
      selectedId: null,
      canAdjust: true,
      ...over,
    },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
}

const pointer = (type: string, x: number, y: number) =>
  new PointerEvent(type, { clientX: x, clientY: y, button: 0, pointerId: 1, bubbles: true });

describe('the Gantt chart', () => {
  it('draws a bar per operation, the setup hatched and the closed time shaded', () => {
    const w = mountChart();
    expect(w.findAll('[data-testid="gantt-bar"]')).toHaveLength(2);
    expect(w.find('[data-testid="gantt-chart"]').attributes('data-bars')).toBe('2');
    expect(w.findAll('.gantt__setup')).toHaveLength(1);
    expect(w.findAll('[data-testid="gantt-closed"]')).toHaveLength(2);
    expect(w.findAll('[data-testid^="gantt-row-"]').map((r) => r.attributes('data-testid'))).toEqual([
      'gantt-row-CNC',
      'gantt-row-CNC#2',
    ]);
    w.unmount();
  });

  it('selects a bar on a click and turns a drag into a move', async () => {
    const w = mountChart();
    const bar = w.find('[data-op-id="a"]');
    bar.element.dispatchEvent(pointer('pointerdown', 10, 10));
    window.dispatchEvent(pointer('pointerup', 10, 10));
    expect(w.emitted('select')?.[0]?.[0]).toMatchObject({ id: 'a' });

    // 200 px show 4 h: 50 px right = 1 h later; 34 px down = the next row (CNC#2, eligible).
    bar.element.dispatchEvent(pointer('pointerdown', 10, 10));
    window.dispatchEvent(pointer('pointermove', 60, 44));
    await w.vm.$nextTick();
    window.dispatchEvent(pointer('pointerup', 60, 44));
    const drop = w.emitted('drop')?.[0];
    expect(drop?.[0]).toMatchObject({ id: 'a' });
    expect(drop?.[1]).toEqual({ kind: 'move', input: { start: iso(9, 30), resourceCode: 'CNC#2' } });
    w.unmount();
  });

  it('does not drag without the right to adjust, nor in order mode', () => {
    const w = mountChart({ canAdjust: false });
    const bar = w.find('[data-op-id="a"]');
    bar.element.dispatchEvent(pointer('pointerdown', 10, 10));
    window.dispatchEvent(pointer('pointermove', 60, 10));
    window.dispatchEvent(pointer('pointerup', 60, 10));
    expect(w.emitted('drop')).toBeUndefined();
    expect(w.emitted('select')).toHaveLength(1);
    w.unmount();
  });
});
