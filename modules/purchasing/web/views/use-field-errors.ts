import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError, splitBilingual } from '@mes/web-core';

/**
 * Field errors of a form, keyed by the API's path (`supplierCode`, `lines[2].qty`): an i18n key of
 * our own checks (`purchasing.rules…`) or the API's "中文 / English" text; `errorOf` says either in
 * the UI language.
 */
export function useFieldErrors() {
  const { t, locale } = useI18n();
  const errors = ref<Record<string, string>>({});

  const errorOf = (path: string) => {
    const e = errors.value[path];
    if (!e) return '';
    return e.startsWith('purchasing.') ? t(e) : (splitBilingual(e, locale.value) ?? e);
  };

  /** The details of a refused write, the first per field; `fieldOf` maps an API path to the form's. */
  function takeApiErrors(e: unknown, fieldOf: (path: string) => string = (path) => path) {
    if (!(e instanceof ApiError)) return;
    const byField: Record<string, string> = {};
    for (const d of e.details) byField[fieldOf(d.field)] ??= d.message;
    errors.value = byField;
  }

  return { errors, errorOf, takeApiErrors };
}
