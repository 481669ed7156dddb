import { computed, type ComputedRef, type WritableComputedRef } from 'vue';
import { createI18n, useI18n, type Composer, type I18n } from 'vue-i18n';
import type { Language } from 'element-plus/es/locale';
import elZhCn from 'element-plus/es/locale/lang/zh-cn';
import elEn from 'element-plus/es/locale/lang/en';
import { ApiError } from '../http/api-error';

export const SUPPORTED_LOCALES = ['zh-CN', 'en-US'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'zh-CN';
const LOCALE_KEY = 'mes.locale';

export interface MessageTree {
  [key: string]: string | MessageTree;
}
export type LocaleMessages = Record<AppLocale, MessageTree>;

export const LOCALE_LABELS: Record<AppLocale, string> = { 'zh-CN': '简体中文', 'en-US': 'English' };

const ELEMENT_LOCALES: Record<AppLocale, Language> = { 'zh-CN': elZhCn, 'en-US': elEn };

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

function isTree(value: unknown): value is MessageTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge of message trees; later bundles win on conflicts. */
export function mergeMessages(...trees: MessageTree[]): MessageTree {
  const out: MessageTree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const existing = out[key];
      out[key] = isTree(value) && isTree(existing) ? mergeMessages(existing, value) : value;
    }
  }
  return out;
}

/** Dotted paths of every leaf, sorted (to check that two locales carry the same keys). */
export function messageKeys(tree: MessageTree, prefix = ''): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isTree(value)) keys.push(...messageKeys(value, path));
    else keys.push(path);
  }
  return keys.sort();
}

export function savedLocale(): AppLocale {
  try {
    const saved = globalThis.localStorage.getItem(LOCALE_KEY);
    if (isAppLocale(saved)) return saved;
  } catch {
    // no storage: default
  }
  return DEFAULT_LOCALE;
}

export type AppI18n = I18n<LocaleMessages, Record<string, never>, Record<string, never>, AppLocale, false>;

/** vue-i18n in composition mode over the merged bundles (core + app + modules). */
export function createAppI18n(
  bundles: Partial<LocaleMessages>[],
  locale: AppLocale = savedLocale(),
): AppI18n {
  const messages = {} as LocaleMessages;
  for (const l of SUPPORTED_LOCALES) {
    messages[l] = mergeMessages(...bundles.map((b) => b[l] ?? {}));
  }
  const i18n = createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages,
    missingWarn: false,
    fallbackWarn: false,
  });
  applyDocumentLocale(locale);
  return i18n;
}

function applyDocumentLocale(locale: AppLocale) {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export interface LocaleControl {
  locale: WritableComputedRef<AppLocale>;
  elementLocale: ComputedRef<Language>;
  isZh: ComputedRef<boolean>;
  /** zh when the UI is Chinese, else en (falls back to zh when en is empty). */
  pick: (zh: string, en: string | null | undefined) => string;
}

/** The current locale, writable (persisted, Element Plus locale follows). */
export function useLocale(): LocaleControl {
  const { locale: i18nLocale } = useI18n() as unknown as Composer<object, object, object, AppLocale>;
  const locale = computed<AppLocale>({
    get: () => (isAppLocale(i18nLocale.value) ? i18nLocale.value : DEFAULT_LOCALE),
    set: (value) => {
      i18nLocale.value = value;
      try {
        globalThis.localStorage.setItem(LOCALE_KEY, value);
      } catch {
        // not persisted
      }
      applyDocumentLocale(value);
    },
  });
  const isZh = computed(() => locale.value === 'zh-CN');
  return {
    locale,
    isZh,
    elementLocale: computed(() => ELEMENT_LOCALES[locale.value]),
    pick: (zh, en) => (isZh.value || !en ? zh : en),
  };
}

type Translate = (key: string, named?: Record<string, unknown>) => string;
type TranslationExists = (key: string) => boolean;

/**
 * The text to show for a failure: the translation of its code when there is one, else the API's
 * own message (the API writes "中文 / English": the half matching the locale is shown).
 */
export function errorText(error: unknown, t: Translate, te: TranslationExists, locale: string): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    if (error.code !== 'VALIDATION_FAILED' || error.details.length === 0) {
      const bilingual = splitBilingual(error.message, locale);
      if (bilingual) return bilingual;
    }
    if (te(key)) return t(key);
    if (error.message) return error.message;
    return t('errors.unknown', { code: error.code });
  }
  if (error instanceof Error && error.message) return error.message;
  return t('errors.unknown', { code: 'UNKNOWN' });
}

/** "中文 / English" → the half of the locale; null when the message is not in that form. */
export function splitBilingual(message: string, locale: string): string | null {
  const idx = message.indexOf(' / ');
  if (idx <= 0 || !/[\u4e00-\u9fff]/.test(message.slice(0, idx))) return null;
  return locale.startsWith('zh') ? message.slice(0, idx) : message.slice(idx + 3);
}

/** `errorText` bound to the current i18n. */
export function useErrorText(): (error: unknown) => string {
  const i18n = useI18n();
  return (error) =>
    errorText(
      error,
      (k, n) => (n ? i18n.t(k, n) : i18n.t(k)),
      (k) => i18n.te(k),
      i18n.locale.value,
    );
}

/** "2026年1月5日" / "Jan 5, 2026"; empty for a missing or invalid date. */
export function formatDate(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString(locale, { dateStyle: 'medium' });
}

/** Date and time to the minute, in the browser's time zone. */
export function formatDateTime(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', hour12: false });
}
