/** The element of the document with `data-testid="<id>"`, or null. */
export const byTestId = (id: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
