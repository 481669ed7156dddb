import { ref, type Ref } from 'vue';
import { ApiError } from '../http/api-error';
import { splitBilingual, useErrorText } from '../i18n/i18n';
import { notify } from '../ui/feedback';
import { createKeyer } from '../http/submit-keys';

export interface SaveFlowOptions<T> {
  /** Client checks before anything is sent (they may set `errors`); false stops the save. */
  check?: () => boolean | Promise<boolean>;
  /** Create or update. `createKey` gives one Idempotency-Key per distinct create input. */
  persist: (createKey: (input: unknown) => string) => Promise<T>;
  /** The success toast for the saved record. */
  savedText: (saved: T) => string;
  /** After the toast, e.g. close the dialog and tell the page. */
  onSaved: (saved: T) => void;
  /** The field errors of a refused save (default: none). */
  fieldErrors?: (error: unknown) => Record<string, string>;
  /** Extra error handling, e.g. errors of table rows. */
  onError?: (error: unknown) => void;
  /** Field errors to use instead of a ref of its own (e.g. one that also holds i18n keys). */
  errors?: Ref<Record<string, string>>;
  /** The text of a failed save (default: the API's error in the UI language). */
  errorText?: (error: unknown) => string;
}

/**
 * The save flow a form dialog shares: check, send once, toast, done; on failure the API's field
 * errors next to the fields and its message above the form.
 */
export function useSaveFlow<T>(options: SaveFlowOptions<T>) {
  const errorText = options.errorText ?? useErrorText();
  const createKey = createKeyer();
  const saving = ref(false);
  const errors = options.errors ?? ref<Record<string, string>>({});
  const formError = ref('');

  function reset(): void {
    errors.value = {};
    formError.value = '';
  }

  async function save(): Promise<void> {
    reset();
    if (options.check && !(await options.check())) return;
    saving.value = true;
    try {
      const saved = await options.persist(createKey);
      notify.success(options.savedText(saved));
      options.onSaved(saved);
    } catch (e) {
      errors.value = options.fieldErrors?.(e) ?? {};
      options.onError?.(e);
      formError.value = errorText(e);
    } finally {
      saving.value = false;
    }
  }

  return { saving, errors, formError, reset, save };
}

/**
 * The details of a refused write by the API's field path; a "中文 / English" message in the half of
 * `locale` when one is given. Not an API error: none.
 */
export function detailsByField(error: unknown, locale?: string): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(
    error.details.map((d) => [
      d.field,
      locale ? (splitBilingual(d.message, locale) ?? d.message) : d.message,
    ]),
  );
}
