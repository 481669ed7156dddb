import type { Ref } from 'vue';
import type { FormInstance } from 'element-plus';
import { useSaveFlow } from '@mes/web-core/pages';
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
 * The save flow of web-core (`useSaveFlow`) for a master-data dialog: the form's rules first, the
 * API's field errors (duplicate codes in the UI language) next to the fields.
 */
export function useFormDialog<T>(
  formRef: Readonly<Ref<FormInstance | undefined>>,
  options: FormDialogOptions<T>,
) {
  const fieldErrors = useFieldErrors();
  const { saving, errors, formError, reset, save } = useSaveFlow<T>({
    check: async () => {
      options.beforeValidate?.();
      const valid = await formRef.value?.validate().catch(() => false);
      return !!valid && (!options.check || options.check());
    },
    persist: options.persist,
    savedText: options.savedText,
    onSaved: options.onSaved,
    fieldErrors: (e) => fieldErrors(e, options.fieldOf ?? formFieldOf),
    onError: options.onError,
  });
  return { saving, serverErrors: errors, formError, reset, save };
}
