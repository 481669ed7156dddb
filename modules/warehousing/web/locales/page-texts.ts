import { ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { SUPPORTED_LOCALES, type LocaleMessages } from '@mes/web-core';

/**
 * The texts of the warehousing pages load with those pages, not with the first paint (the shell's
 * initial load stays small, ADR 0007). A route loads them alongside its chunk (`withPageTexts`) and
 * the page merges them into the shell i18n on setup (`usePageTexts`) before its first render.
 */
let loaded: LocaleMessages | null = null;
let loading: Promise<LocaleMessages> | null = null;

export function loadPageTexts(): Promise<LocaleMessages> {
  loading ??= import('./pages').then((m) => {
    loaded = m.pageMessages;
    return m.pageMessages;
  });
  return loading;
}

/** A route component loader that also loads the texts, so that the page renders with them at once. */
export function withPageTexts<T>(load: () => Promise<T>): () => Promise<T> {
  return async () => (await Promise.all([load(), loadPageTexts()]))[0];
}

/** A key of the on-demand texts: when it resolves, they are merged. */
const PROBE = 'warehousing.type.receipt';

/** Merges the on-demand texts into the global i18n; true once they are there (at once when preloaded). */
export function usePageTexts(): Ref<boolean> {
  const i18n = useI18n({ useScope: 'global' });
  const merge = (messages: LocaleMessages) => {
    for (const locale of SUPPORTED_LOCALES) i18n.mergeLocaleMessage(locale, messages[locale]);
  };
  const ready = ref(i18n.te(PROBE, 'zh-CN'));
  if (ready.value) return ready;
  if (loaded) {
    merge(loaded);
    ready.value = true;
    return ready;
  }
  void loadPageTexts().then((messages) => {
    merge(messages);
    ready.value = true;
  });
  return ready;
}
