/**
 * The Idempotency-Key of a write: one per submission, reused by a retry of the same input while
 * the server has not answered (a lost answer on flaky Wi-Fi), dropped once it answers. A changed
 * input is a new submission.
 */
export function createSubmitKeys(newKey: () => string = () => crypto.randomUUID()) {
  let pending: { body: string; key: string } | null = null;
  return {
    keyFor(input: unknown): string {
      const body = JSON.stringify(input);
      if (pending?.body !== body) pending = { body, key: newKey() };
      return pending.key;
    },
    /** The server answered (applied or refused): the next submission gets a new key. */
    answered(): void {
      pending = null;
    },
    get pendingKey(): string | null {
      return pending?.key ?? null;
    },
    /**
     * Sends `input` under its key and drops the key once the server answered (applied or refused); a
     * failure for which `unanswered` holds (outcome unknown) keeps it for the retry. Rethrows.
     */
    async send<T>(
      input: unknown,
      write: (key: string) => Promise<T>,
      unanswered: (error: unknown) => boolean,
    ): Promise<T> {
      try {
        const result = await write(this.keyFor(input));
        this.answered();
        return result;
      } catch (e) {
        if (!unanswered(e)) this.answered();
        throw e;
      }
    },
  };
}

/**
 * One Idempotency-Key per distinct input (never dropped): pressing 保存 again after a lost answer
 * cannot apply twice, while a changed input is a new write.
 */
export function createKeyer(newKey: () => string = () => crypto.randomUUID()): (input: unknown) => string {
  const keys = createSubmitKeys(newKey);
  return (input) => keys.keyFor(input);
}
