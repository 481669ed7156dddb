import { describe, expect, it } from 'vitest';
import { messageKeys } from '@mes/web-core';
import { keysInBoth, localeTableProblems } from '@mes/web-core/testing';
import { STATUS_OPTIONS, REQUEST_STATUS_OPTIONS } from '../data';
import { routes } from '../routes';
import { messages } from './index';
import { pageMessages } from './pages';

describe('order texts', () => {
  it('have the same keys in zh-CN and en-US, none empty, eager and page texts apart', () => {
    expect(localeTableProblems(messages)).toEqual([]);
    expect(localeTableProblems(pageMessages)).toEqual([]);
    expect(keysInBoth(pageMessages, messages)).toEqual([]);
  });

  it('name every status and every route title', () => {
    const keys = new Set([...messageKeys(messages['zh-CN']), ...messageKeys(pageMessages['zh-CN'])]);
    for (const s of STATUS_OPTIONS) expect(s.labelKey).toBe(`orders.status.${s.value}`);
    for (const s of REQUEST_STATUS_OPTIONS) expect(s.labelKey).toBe(`orders.requestStatus.${s.value}`);
    for (const s of [...STATUS_OPTIONS, ...REQUEST_STATUS_OPTIONS])
      expect(keys.has(s.labelKey), s.labelKey).toBe(true);
    for (const r of routes) if (r.meta?.title) expect(keys.has(r.meta.title), r.meta.title).toBe(true);
    expect(routes.filter((r) => r.meta?.module !== 'orders')).toEqual([]);
  });
});
