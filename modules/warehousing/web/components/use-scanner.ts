import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError } from '@mes/web-core';
import { masterDataReads, type BarcodeLookupResult } from '../api/master-data.api';
import { normalizeScan } from '../scan';
import { useStockErrors } from './use-stock-errors';

/**
 * The scan box of the mobile pages: cleans what the scanner typed, asks the server what it is
 * (item, location `L:WH/LOC`, lot) and hands the result to `onResult`; tells an unknown code.
 */
export function useScanner(onResult: (result: BarcodeLookupResult) => void) {
  const { t } = useI18n();
  const errors = useStockErrors();
  const code = ref('');
  const busy = ref(false);
  const error = ref('');

  async function scan(): Promise<void> {
    const scanned = normalizeScan(code.value);
    code.value = '';
    if (!scanned || busy.value) return;
    busy.value = true;
    error.value = '';
    try {
      onResult(await masterDataReads.lookup(scanned));
    } catch (e) {
      error.value =
        e instanceof ApiError && e.status === 404
          ? t('warehousing.mobile.unknown', { code: scanned })
          : errors.text(e);
    } finally {
      busy.value = false;
    }
  }

  return { code, busy, error, scan };
}
