import { ref, type Ref } from 'vue';
import { useErrorText } from '../i18n/i18n';

/** The page sizes a list page offers, and the one it starts with. */
export const PAGE_SIZES = [10, 20, 50, 100];
export const DEFAULT_PAGE_SIZE = 20;

/** One page of a list as the API answers it. */
export interface ListPageResult<T> {
  items: T[];
  total: number;
}

export interface ListPageOptions {
  /** The text of a failed read (default: the API's error in the UI language). */
  errorText?: (error: unknown) => string;
}

/**
 * Paging, loading and error state of a list page. `fetch` reads one page with the page's current
 * filters; `load` reads the current page again, `query` from the first page (new filters or page
 * size). A failed read leaves the rows as they were and tells why in `loadError`.
 */
export function useListPage<T>(
  fetch: (page: number, pageSize: number) => Promise<ListPageResult<T>>,
  options: ListPageOptions = {},
) {
  const errorText = options.errorText ?? useErrorText();
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

  function query() {
    page.value = 1;
    void load();
  }

  return { page, pageSize, items, total, loading, loadError, load, query };
}

/** The state of a list page (`useListPage`). */
export type ListPage<T> = ReturnType<typeof useListPage<T>>;

/** What the pager of a list page reads and changes. */
export type ListPageState = Pick<ListPage<unknown>, 'page' | 'pageSize' | 'total' | 'load' | 'query'>;
