import { ref, type Ref } from 'vue';
import type { FormInstance } from 'element-plus';
import { notify, useErrorText } from '@mes/web-core';
import { createKeyer } from '@mes/web-core/pages';
import { formFieldOf } from '../data';
import { useFieldErrors } from './use-master-data';

export interface FormDialogOptions<T> {
  /** Runs first on every save, e.g. to show the row checks of a table. */
  beforeValidate?: () => void;
  /** Client checks beyond the form rules (e.g. row tables); false stops the save. */
  check?: () => boolean;
  /** Create or update. `createKey` gives one Idempotency-Key per distinct create input. */
  persist: (createKey: (input: unknown) => string) => Promise<T>;
  /** The success toast for the saved record. */
  savedText: (saved: T) => string;
  onSaved: (saved: T) => void;
  /** Form field of an API detail path (default: its first segment). */
  fieldOf?: (path: string) => string;
  /** Extra error handling, e.g. errors of table rows. */
  onError?: (error: unknown) => void;
}

/**
 * The save flow every master-data dialog shares: validate, send once, toast, close; on failure the
 * API's field errors next to the fields and its message above the form.
 */
export function useFormDialog<T>(formRef: Ref<FormInstance | undefined>, options: FormDialogOptions<T>) {
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const createKey = createKeyer();
  const saving = ref(false);
  const serverErrors = ref<Record<string, string>>({});
  const formError = ref('');

  function reset(): void {
    serverErrors.value = {};
    formError.value = '';
  }

  async function save(): Promise<void> {
    reset();
    options.beforeValidate?.();
    const valid = await formRef.value?.validate().catch(() => false);
    if (!valid || (options.check && !options.check())) return;
    saving.value = true;
    try {
      const saved = await options.persist(createKey);
      notify.success(options.savedText(saved));
      options.onSaved(saved);
    } catch (e) {
      serverErrors.value = fieldErrors(e, options.fieldOf ?? formFieldOf);
      options.onError?.(e);
      formError.value = errorText(e);
    } finally {
      saving.value = false;
    }
  }

  return { saving, serverErrors, formError, reset, save };
}
