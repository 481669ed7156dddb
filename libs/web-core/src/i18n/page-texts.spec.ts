import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import { createAppI18n, type LocaleMessages } from './i18n';
import { definePageTexts } from './page-texts';
import { keysInBoth, localeTableProblems } from '../testing/locale-checks';

// Fresh trees for each use: the i18n merges into the trees it was given.
const eagerTexts = (): LocaleMessages => ({
  'zh-CN': { demo: { title: '示例' } },
  'en-US': { demo: { title: 'Demo' } },
});
const pageTexts = (): LocaleMessages => ({
  'zh-CN': { demo: { check: '预检' } },
  'en-US': { demo: { check: 'Check' } },
});

function setup() {
  const load = vi.fn(() => Promise.resolve(pageTexts()));
  const texts = definePageTexts(load, 'demo.check');
  const i18n = createAppI18n([eagerTexts()], 'zh-CN');
  const Page = defineComponent({
    setup() {
      const ready = texts.usePageTexts();
      return () => h('p', ready.value ? i18n.global.t('demo.check') : 'loading');
    },
  });
  return { load, texts, i18n, Page };
}

describe('definePageTexts', () => {
  it('merges the page texts into the shell i18n when a page needs them, keeping the eager ones', async () => {
    const { load, i18n, Page } = setup();
    expect(i18n.global.te('demo.check')).toBe(false);
    const wrapper = mount(Page, { global: { plugins: [i18n] } });
    expect(wrapper.text()).toBe('loading');
    await vi.waitFor(() => {
      expect(wrapper.text()).toBe('预检');
    });
    expect(i18n.global.t('demo.title')).toBe('示例');
    i18n.global.locale.value = 'en-US';
    expect(i18n.global.t('demo.check')).toBe('Check');
    // a second page: the texts are there, nothing loads again
    const again = mount(Page, { global: { plugins: [i18n] } });
    expect(again.text()).toBe('Check');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads the texts with the route component, so that the page renders with them at once', async () => {
    const { load, texts, i18n, Page } = setup();
    const component = { name: 'page' };
    const loader = texts.withPageTexts(() => Promise.resolve(component));
    expect(load).not.toHaveBeenCalled();
    await expect(loader()).resolves.toBe(component);
    await expect(loader()).resolves.toBe(component);
    expect(load).toHaveBeenCalledTimes(1);
    const wrapper = mount(Page, { global: { plugins: [i18n] } });
    expect(wrapper.text()).toBe('预检');
  });
});

describe('locale checks', () => {
  it('tell keys missing in a language, blank texts and keys the eager texts define', () => {
    expect(localeTableProblems(pageTexts())).toEqual([]);
    expect(keysInBoth(pageTexts(), eagerTexts())).toEqual([]);
    const bad: LocaleMessages = {
      'zh-CN': { a: { b: '甲', c: ' ' } },
      'en-US': { a: { b: 'A' } },
    };
    expect(localeTableProblems(bad)).toEqual(['zh-CN a.c is blank', 'en-US lacks a.c']);
    expect(keysInBoth(eagerTexts(), eagerTexts())).toEqual(['demo.title']);
  });
});
