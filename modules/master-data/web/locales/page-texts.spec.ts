import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import { coreEnUS, coreZhCN, createAppI18n, messageKeys } from '@mes/web-core';
import { keysInBoth, localeTableProblems } from '@mes/web-core/testing';
import { messages } from './index';
import { usePageTexts } from './page-texts';
import { pageMessages } from './pages';

describe('on-demand page texts', () => {
  it('have the same keys in zh-CN and en-US, none empty, none that the eager texts already define', () => {
    expect(messageKeys(pageMessages['zh-CN']).length).toBeGreaterThan(100);
    expect(localeTableProblems(pageMessages)).toEqual([]);
    expect(keysInBoth(pageMessages, messages)).toEqual([]);
  });

  it('keep the route titles and the list-page buttons in the eager texts', () => {
    const eager = new Set(messageKeys(messages['zh-CN']));
    for (const key of [
      'masterData.calendars.title',
      'masterData.calendars.newTitle',
      'masterData.workCenters.title',
      'masterData.routings.title',
      'masterData.routings.newTitle',
      'masterData.labels.title',
      'masterData.labels.print',
      'masterData.importExport.import',
      'masterData.importExport.export',
    ])
      expect(eager.has(key), key).toBe(true);
  });

  it('are merged into the shell i18n when a page needs them', async () => {
    const i18n = createAppI18n([{ 'zh-CN': coreZhCN, 'en-US': coreEnUS }, messages], 'zh-CN');
    const Page = defineComponent({
      setup() {
        const ready = usePageTexts();
        return () => h('p', ready.value ? i18n.global.t('masterData.importExport.dryRun') : 'loading');
      },
    });
    expect(i18n.global.te('masterData.importExport.dryRun')).toBe(false);
    const wrapper = mount(Page, { global: { plugins: [i18n] } });
    await vi.waitFor(() => {
      expect(wrapper.text()).toBe('预检');
    });
    // The eager texts of the same sections are kept (a deep merge).
    expect(i18n.global.t('masterData.importExport.import')).toBe('导入');
    i18n.global.locale.value = 'en-US';
    expect(i18n.global.t('masterData.importExport.dryRun')).toBe('Check');
  });
});
