import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import { coreEnUS, coreZhCN, createAppI18n, messageKeys, SUPPORTED_LOCALES } from '@mes/web-core';
import { keysInBoth, localeTableProblems } from '@mes/web-core/testing';
import { MOVEMENT_TYPES } from '@mes/shared';
import { messages } from './index';
import { usePageTexts } from './page-texts';
import { pageMessages } from './pages';

/** The source of every page, component and helper of the module (not the texts, not the specs). */
const sources = Object.values(
  import.meta.glob<string>(['../**/*.vue', '../**/*.ts', '!../**/*.spec.ts', '!../locales/**'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);

describe('warehousing texts', () => {
  it('have the same keys in zh-CN and en-US, none empty, none that the eager texts already define', () => {
    expect(messageKeys(pageMessages['zh-CN']).length).toBeGreaterThan(100);
    expect(localeTableProblems(pageMessages)).toEqual([]);
    expect(keysInBoth(pageMessages, messages)).toEqual([]);
  });

  it('name every movement type in both languages', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const keys = new Set(messageKeys(pageMessages[locale]));
      for (const type of MOVEMENT_TYPES)
        expect(keys.has(`warehousing.type.${type}`), `${locale} ${type}`).toBe(true);
    }
  });

  it('define every key the pages use literally', () => {
    const known = new Set([...messageKeys(messages['zh-CN']), ...messageKeys(pageMessages['zh-CN'])]);
    const used = new Set(
      sources.flatMap((s) => [...s.matchAll(/'(warehousing\.\w+\.[\w.]*\w)'/g)].map((m) => m[1] ?? '')),
    );
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
  });

  it('are merged into the shell i18n when a page needs them, keeping the eager route titles', async () => {
    const i18n = createAppI18n([{ 'zh-CN': coreZhCN, 'en-US': coreEnUS }, messages], 'zh-CN');
    const Page = defineComponent({
      setup() {
        const ready = usePageTexts();
        return () => h('p', ready.value ? i18n.global.t('warehousing.type.purchase_receipt') : 'loading');
      },
    });
    expect(i18n.global.te('warehousing.type.purchase_receipt')).toBe(false);
    const wrapper = mount(Page, { global: { plugins: [i18n] } });
    // a dynamic import: allow for a busy machine
    await vi.waitFor(
      () => {
        expect(wrapper.text()).toBe('采购入库');
      },
      { timeout: 5000 },
    );
    expect(i18n.global.t('warehousing.titles.stock')).toBe('库存查询');
    i18n.global.locale.value = 'en-US';
    expect(i18n.global.t('warehousing.type.purchase_receipt')).toBe('Purchase receipt');
  });
});
