import { ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { SUPPORTED_LOCALES, type LocaleMessages } from './i18n';

/** The on-demand texts of a module's pages: loaded with the pages, merged into the shell i18n. */
export interface PageTexts {
  /** Loads the texts once (later calls share the first load). */
  loadPageTexts: () => Promise<LocaleMessages>;
  /** A route component loader that also loads the texts, so that the page renders with them at once. */
  withPageTexts: <T>(load: () => Promise<T>) => () => Promise<T>;
  /** Merges the texts into the global i18n; true once they are there (at once when preloaded). */
  usePageTexts: () => Ref<boolean>;
}

/**
 * The texts of a module's larger pages load with those pages, not with the first paint (the shell's
 * initial load stays small, ADR 0007). A route loads them alongside its chunk (`withPageTexts`) and
 * the page merges them into the shell i18n on setup (`usePageTexts`) before its first render.
 *
 * @param load imports the module's page texts (a dynamic `import()`, so that they are a chunk of their own)
 * @param probe a key of those texts: when the global i18n resolves it, they are merged
 */
export function definePageTexts(load: () => Promise<LocaleMessages>, probe: string): PageTexts {
  let loaded: LocaleMessages | null = null;
  let loading: Promise<LocaleMessages> | null = null;

  function loadPageTexts(): Promise<LocaleMessages> {
    loading ??= load().then((messages) => {
      loaded = messages;
      return messages;
    });
    return loading;
  }

  function withPageTexts<T>(loadPage: () => Promise<T>): () => Promise<T> {
    return async () => (await Promise.all([loadPage(), loadPageTexts()]))[0];
  }

  function usePageTexts(): Ref<boolean> {
    const i18n = useI18n({ useScope: 'global' });
    const merge = (messages: LocaleMessages) => {
      for (const locale of SUPPORTED_LOCALES) i18n.mergeLocaleMessage(locale, messages[locale]);
    };
    const ready = ref(i18n.te(probe, 'zh-CN'));
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

  return { loadPageTexts, withPageTexts, usePageTexts };
}
