import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PAGE_SIZE, useListPage } from './use-list-page';

const errorText = (e: unknown) => `failed: ${(e as Error).message}`;

describe('useListPage', () => {
  it('reads the current page, with loading set while it reads', async () => {
    let answer: (r: { items: string[]; total: number }) => void = () => undefined;
    const fetch = vi.fn(
      () =>
        new Promise<{ items: string[]; total: number }>((resolve) => {
          answer = resolve;
        }),
    );
    const list = useListPage(fetch, { errorText });
    expect(list.pageSize.value).toBe(DEFAULT_PAGE_SIZE);
    list.page.value = 3;
    const done = list.load();
    expect(list.loading.value).toBe(true);
    expect(fetch).toHaveBeenLastCalledWith(3, DEFAULT_PAGE_SIZE);
    answer({ items: ['a', 'b'], total: 42 });
    await done;
    expect(list.loading.value).toBe(false);
    expect(list.items.value).toEqual(['a', 'b']);
    expect(list.total.value).toBe(42);
  });

  it('queries from the first page again with the chosen page size', async () => {
    const fetch = vi.fn((page: number, size: number) =>
      Promise.resolve({ items: [`${page}/${size}`], total: 1 }),
    );
    const list = useListPage(fetch, { errorText });
    list.page.value = 4;
    list.pageSize.value = 50;
    list.query();
    expect(list.page.value).toBe(1);
    await vi.waitFor(() => {
      expect(list.items.value).toEqual(['1/50']);
    });
  });

  it('keeps the rows of a failed read and tells why, until a read succeeds', async () => {
    const fetch = vi
      .fn<(page: number, size: number) => Promise<{ items: string[]; total: number }>>()
      .mockResolvedValueOnce({ items: ['kept'], total: 1 })
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ items: ['new'], total: 1 });
    const list = useListPage(fetch, { errorText });
    await list.load();
    await list.load();
    expect(list.loadError.value).toBe('failed: offline');
    expect(list.items.value).toEqual(['kept']);
    expect(list.loading.value).toBe(false);
    await list.load();
    expect(list.loadError.value).toBe('');
    expect(list.items.value).toEqual(['new']);
  });
});
