import { describe, expect, it } from 'vitest';
import { messageKeys } from '@mes/web-core';
import { keysInBoth, localeTableProblems } from '@mes/web-core/testing';
import {
  LATE_CAUSE_OPTIONS,
  RULE_OPTIONS,
  RUN_STATUS_OPTIONS,
  STRATEGY_OPTIONS,
  VERSION_STATUS_OPTIONS,
  WEIGHT_KEYS,
} from '../data';
import { COLOUR_BYS, GANTT_MODES, ZOOMS } from '../gantt';
import { MODULE_KEYS } from '../module-key';
import { routes } from '../routes';
import { messages } from './index';
import { pageMessages } from './pages';

describe('scheduling texts', () => {
  it('have the same keys in zh-CN and en-US, none empty, eager and page texts apart', () => {
    expect(localeTableProblems(messages)).toEqual([]);
    expect(localeTableProblems(pageMessages)).toEqual([]);
    expect(keysInBoth(pageMessages, messages)).toEqual([]);
  });

  it('name every status, rule, strategy, cause, weight, chart setting, KPI and route title', () => {
    const keys = new Set([...messageKeys(messages['zh-CN']), ...messageKeys(pageMessages['zh-CN'])]);
    for (const o of [
      ...RUN_STATUS_OPTIONS,
      ...VERSION_STATUS_OPTIONS,
      ...LATE_CAUSE_OPTIONS,
      ...RULE_OPTIONS,
      ...STRATEGY_OPTIONS,
    ])
      expect(keys.has(o.labelKey), o.labelKey).toBe(true);
    for (const k of WEIGHT_KEYS) expect(keys.has(`scheduling.weight.${k}`), k).toBe(true);
    for (const m of GANTT_MODES) expect(keys.has(`scheduling.gantt.mode.${m}`), m).toBe(true);
    for (const c of COLOUR_BYS) expect(keys.has(`scheduling.gantt.colour.${c}`), c).toBe(true);
    for (const z of ZOOMS) expect(keys.has(`scheduling.gantt.zoom.${z}`), z).toBe(true);
    for (const s of ['normal', 'locked', 'started'])
      expect(keys.has(`scheduling.gantt.status.${s}`), s).toBe(true);
    for (const k of ['makespanEnd', 'lateOrders', 'totalLatenessMinutes', 'setupMinutes', 'meanUtilisation'])
      expect(keys.has(`scheduling.kpi.${k}`), k).toBe(true);
    for (const r of routes) if (r.meta?.title) expect(keys.has(r.meta.title), r.meta.title).toBe(true);
  });

  it('open every page with either scheduling subscription', () => {
    expect(MODULE_KEYS).toEqual(['master-scheduling', 'shop-scheduling']);
    for (const r of routes) expect(r.meta?.module).toEqual(MODULE_KEYS);
    expect(routes.map((r) => r.path)).toEqual([
      '/scheduling',
      '/scheduling/gantt',
      '/scheduling/runs',
      '/scheduling/versions',
      '/scheduling/dispatch',
      '/scheduling/changeovers',
    ]);
    for (const r of routes.filter((r) => !r.redirect)) expect(typeof r.component).toBe('function');
  });
});
