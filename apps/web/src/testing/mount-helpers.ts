import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createAppI18n } from '@mes/web-core';
import { bundles } from '../i18n';

/** Fresh Pinia (active) and the real i18n bundles in `locale`, as the app installs them. */
export function appPlugins(locale: 'zh-CN' | 'en-US' = 'zh-CN'): {
  pinia: Pinia;
  i18n: ReturnType<typeof createAppI18n>;
} {
  const pinia = createPinia();
  setActivePinia(pinia);
  return { pinia, i18n: createAppI18n(bundles, locale) };
}
