/** A shop problem the engine refuses: every problem found, each naming its field. */
export class ShopModelError extends Error {
  constructor(readonly details: { field: string; message: string }[]) {
    super(`invalid shop problem: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`);
    this.name = 'ShopModelError';
  }
}
