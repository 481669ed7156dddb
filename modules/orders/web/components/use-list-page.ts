import { ref, type Ref } from 'vue';
import { useErrorText } from '@mes/web-core';
import { DEFAULT_PAGE_SIZE } from '../data';

/** Paging, loading and error state of a list page; `fetch` reads one page. */
export function useListPage<T>(
  fetch: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
) {
  const errorText = useErrorText();
  const page = ref(1);
  const pageSize = ref(DEFAULT_PAGE_SIZE);
  const items = ref<T[]>([]) as Ref<T[]>;
  const total = ref(0);
  const loading = ref(false);
  const loadError = ref('');

  async function load() {
    loading.value = true;
    loadError.value = '';
    try {
      const r = await fetch(page.value, pageSize.value);
      items.value = r.items;
      total.value = r.total;
    } catch (e) {
      loadError.value = errorText(e);
    } finally {
      loading.value = false;
    }
  }

  /** From the first page again (new filters or page size). */
  function query() {
    page.value = 1;
    void load();
  }

  return { page, pageSize, items, total, loading, loadError, load, query };
}
