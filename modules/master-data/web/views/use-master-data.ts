import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError, confirmDialog, splitBilingual, useAuthStore, useErrorText } from '@mes/web-core';
import { formFieldOf, serverFieldErrors } from '../data';

/** The permission to create, change and delete master data (roles without it only read). */
export const WRITE_PERMISSION = 'master-data:write';

/** Whether the user may change master data: the pages hide or disable their write actions otherwise. */
export function useCanWrite() {
  const auth = useAuthStore();
  return computed(() => auth.can(WRITE_PERMISSION));
}

/** Helpers every master-data list uses: the delete confirmation and the text of a failed delete. */
export function useListActions() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const canWrite = useCanWrite();

  /** A red "删除" confirmation; resolves true on confirm. */
  const confirmDelete = (text: string, title: string) =>
    confirmDialog(text, title, {
      type: 'warning',
      confirmButtonText: t('masterData.common.delete'),
      cancelButtonText: t('core.cancel'),
      confirmButtonClass: 'mes-dialog-confirm el-button--danger',
    });

  /** 409 `IN_USE` in our words, naming the record; anything else as the API tells it. */
  const deleteErrorText = (e: unknown, name: string) =>
    e instanceof ApiError && e.code === 'IN_USE' ? t('masterData.common.inUse', { name }) : errorText(e);

  return { t, confirmDelete, deleteErrorText, errorText, canWrite };
}

/** A detail message of the API in the UI language: the matching half of "中文 / English", else as is. */
export function useDetailText() {
  const { locale } = useI18n();
  return (message: string) => splitBilingual(message, locale.value) ?? message;
}

/**
 * Field errors of a failed save keyed by form field, each in the UI language (the API writes
 * "中文 / English"). A 409 `DUPLICATE_CODE` (whose detail the API writes in English) is said in the
 * UI language too.
 */
export function useFieldErrors() {
  const { t } = useI18n();
  const detailText = useDetailText();
  return (e: unknown, fieldOf: (path: string) => string = formFieldOf): Record<string, string> => {
    const errors = Object.fromEntries(
      Object.entries(serverFieldErrors(e, fieldOf)).map(([field, message]) => [field, detailText(message)]),
    );
    if (e instanceof ApiError && e.code === 'DUPLICATE_CODE') {
      for (const d of e.details) {
        const value = /^(.*) already exists$/.exec(d.message)?.[1] ?? '';
        errors[fieldOf(d.field)] = t('masterData.rules.duplicate', { value });
      }
    }
    return errors;
  };
}
