import { useI18n } from 'vue-i18n';
import { ApiError, splitBilingual, useErrorText } from '@mes/web-core';
import { detailTextOf, shortageOf } from '../data';

/**
 * Failures in the words of the warehouse: 库存不足 with what is available, the API's English
 * detail messages (unknown item, lot required…) in the UI language.
 */
export function useStockErrors() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();

  /** One API detail message in the UI language. */
  const detail = (message: string): string => {
    const known = detailTextOf(message);
    if (known) return t(known.key, known.params);
    return splitBilingual(message, locale.value) ?? message;
  };

  /** The text of a failure: the shortage when stock is short, else the first field detail or the message. */
  const text = (error: unknown): string => {
    const short = shortageOf(error);
    if (short)
      return short.item
        ? t('warehousing.errors.short', short)
        : t('warehousing.errors.shortAvailable', { available: short.available });
    if (error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.details[0])
      return detail(error.details[0].message);
    return errorText(error);
  };

  return { detail, text, errorText };
}
