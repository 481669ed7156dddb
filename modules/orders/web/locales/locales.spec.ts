import { describe, expect, it } from 'vitest';
import { messageKeys, SUPPORTED_LOCALES } from '@mes/web-core';
import { STATUS_OPTIONS, REQUEST_STATUS_OPTIONS } from '../data';
import { routes } from '../routes';
import { messages } from './index';
import { pageMessages } from './pages';

describe('order texts', () => {
  it('have the same keys in zh-CN and en-US, none empty, eager and page texts apart', () => {
    for (const tree of [messages, pageMessages]) {
      const [zh, en] = SUPPORTED_LOCALES.map((l) => messageKeys(tree[l]));
      expect(en).toEqual(zh);
      for (const locale of SUPPORTED_LOCALES) {
        const walk = (node: unknown, path: string) => {
          if (typeof node === 'string') expect(node.trim(), `${locale} ${path}`).not.toBe('');
          else for (const [k, v] of Object.entries(node as object)) walk(v, `${path}.${k}`);
        };
        walk(tree[locale], '');
      }
    }
    const eager = new Set(messageKeys(messages['zh-CN']));
    expect(messageKeys(pageMessages['zh-CN']).filter((k) => eager.has(k))).toEqual([]);
  });

  it('name every status and every route title', () => {
    const keys = new Set([...messageKeys(messages['zh-CN']), ...messageKeys(pageMessages['zh-CN'])]);
    for (const s of STATUS_OPTIONS) expect(keys.has(`orders.status.${s.value}`), s.value).toBe(true);
    for (const s of REQUEST_STATUS_OPTIONS)
      expect(keys.has(`orders.requestStatus.${s.value}`), s.value).toBe(true);
    for (const r of routes) if (r.meta?.title) expect(keys.has(r.meta.title), r.meta.title).toBe(true);
    expect(routes.filter((r) => r.meta?.module !== 'orders')).toEqual([]);
  });
});
