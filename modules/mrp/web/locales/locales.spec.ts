import { describe, expect, it } from 'vitest';
import { messageKeys } from '@mes/web-core';
import { keysInBoth, localeTableProblems } from '@mes/web-core/testing';
import {
  EXCEPTION_TYPE_OPTIONS,
  KIND_OPTIONS,
  ORDER_STATUS_OPTIONS,
  RUN_STATUS_OPTIONS,
  PHASES,
} from '../data';
import { GRID_ROWS } from '../grid';
import { routes } from '../routes';
import { messages } from './index';
import { pageMessages } from './pages';

describe('mrp texts', () => {
  it('have the same keys in zh-CN and en-US, none empty, eager and page texts apart', () => {
    expect(localeTableProblems(messages)).toEqual([]);
    expect(localeTableProblems(pageMessages)).toEqual([]);
    expect(keysInBoth(pageMessages, messages)).toEqual([]);
  });

  it('name every status, kind, exception type, grid row, phase and route title', () => {
    const keys = new Set([...messageKeys(messages['zh-CN']), ...messageKeys(pageMessages['zh-CN'])]);
    for (const o of [
      ...RUN_STATUS_OPTIONS,
      ...KIND_OPTIONS,
      ...ORDER_STATUS_OPTIONS,
      ...EXCEPTION_TYPE_OPTIONS,
    ])
      expect(keys.has(o.labelKey), o.labelKey).toBe(true);
    for (const o of EXCEPTION_TYPE_OPTIONS)
      expect(keys.has(`mrp.exceptionText.${o.value}`), o.value).toBe(true);
    for (const r of GRID_ROWS) expect(keys.has(`mrp.records.row.${r}`), r).toBe(true);
    for (const p of PHASES) expect(keys.has(`mrp.runs.phase.${p}`), p).toBe(true);
    for (const s of ['sales_order', 'forecast', 'work_order_request', 'unknown'])
      expect(keys.has(`mrp.source.${s}`), s).toBe(true);
    for (const r of routes) if (r.meta?.title) expect(keys.has(r.meta.title), r.meta.title).toBe(true);
    expect(routes.filter((r) => r.meta?.module !== 'mrp')).toEqual([]);
    expect(routes.map((r) => r.path)).toEqual([
      '/mrp',
      '/mrp/runs',
      '/mrp/plan',
      '/mrp/exceptions',
      '/mrp/records',
      '/mrp/forecasts',
    ]);
  });

  it('load every page lazily', () => {
    for (const r of routes.filter((r) => !r.redirect)) expect(typeof r.component).toBe('function');
  });
});
