import { describe, expect, it } from 'vitest';
import { messageKeys } from '@mes/web-core';
import { keysInBoth, localeTableProblems } from '@mes/web-core/testing';
import {
  EVENT_KINDS,
  ISSUE_MODE_OPTIONS,
  OPERATION_STATUS_OPTIONS,
  WORK_ORDER_STATUS_OPTIONS,
  type WorkOrderAction,
} from '../data';
import { routes } from '../routes';
import { messages } from './index';
import { pageMessages } from './pages';

describe('production-execution texts', () => {
  it('have the same keys in zh-CN and en-US, none empty, eager and page texts apart', () => {
    expect(localeTableProblems(messages)).toEqual([]);
    expect(localeTableProblems(pageMessages)).toEqual([]);
    expect(keysInBoth(pageMessages, messages)).toEqual([]);
  });

  it('name every status, issue mode, event, action and route title', () => {
    const keys = new Set([...messageKeys(messages['zh-CN']), ...messageKeys(pageMessages['zh-CN'])]);
    for (const o of [...WORK_ORDER_STATUS_OPTIONS, ...OPERATION_STATUS_OPTIONS, ...ISSUE_MODE_OPTIONS])
      expect(keys.has(o.labelKey), o.labelKey).toBe(true);
    for (const e of EVENT_KINDS) expect(keys.has(`pe.event.${e}`), e).toBe(true);
    for (const s of ['manual', 'request', 'split']) expect(keys.has(`pe.source.${s}`), s).toBe(true);
    const actions: WorkOrderAction[] = [
      'release',
      'start',
      'pause',
      'resume',
      'complete',
      'close',
      'cancel',
      'split',
      'report',
      'issue',
    ];
    for (const a of actions) expect(keys.has(`pe.actions.${a}`), a).toBe(true);
    for (const a of ['start', 'resume', 'complete', 'close', 'cancel'])
      expect(keys.has(`pe.done.${a}`), a).toBe(true);
    for (const a of ['complete', 'close', 'cancel']) expect(keys.has(`pe.confirm.${a}`), a).toBe(true);
    for (const r of routes) if (r.meta?.title) expect(keys.has(r.meta.title), r.meta.title).toBe(true);
    expect(routes.filter((r) => r.meta?.module !== 'production-execution')).toEqual([]);
  });

  it('load every page lazily', () => {
    for (const r of routes.filter((r) => !r.redirect)) expect(typeof r.component).toBe('function');
  });
});
