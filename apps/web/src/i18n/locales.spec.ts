import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES, messageKeys } from '@mes/web-core';
import { bundles, moduleMessages } from './index';

describe('translations', () => {
  it('loads the texts of every module with web pages', () => {
    expect(moduleMessages.length).toBeGreaterThanOrEqual(1);
  });

  it.each(bundles.map((b, i) => [i, b] as const))(
    'bundle %i has the same keys in zh-CN and en-US',
    (_i, bundle) => {
      const [zh, en] = SUPPORTED_LOCALES.map((l) => messageKeys(bundle[l]));
      expect(zh?.length).toBeGreaterThan(0);
      expect(en).toEqual(zh);
    },
  );

  it('has no empty text', () => {
    for (const bundle of bundles) {
      for (const locale of SUPPORTED_LOCALES) {
        const walk = (node: unknown, path: string) => {
          if (typeof node === 'string') expect(node.trim(), `${locale} ${path}`).not.toBe('');
          else for (const [k, v] of Object.entries(node as object)) walk(v, `${path}.${k}`);
        };
        walk(bundle[locale], '');
      }
    }
  });

  it('bundles do not define the same key twice (a later bundle would silently win)', () => {
    const seen = new Map<string, number>();
    bundles.forEach((b, i) => {
      for (const key of messageKeys(b['zh-CN'])) {
        expect(seen.has(key), `${key} in bundles ${seen.get(key)} and ${i}`).toBe(false);
        seen.set(key, i);
      }
    });
  });
});
