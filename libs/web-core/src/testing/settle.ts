import { flushPromises } from '@vue/test-utils';

/** Lets requests answer and the lazily loaded components (StatusTag…) render. */
export async function settle(): Promise<void> {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 0));
  await flushPromises();
}
