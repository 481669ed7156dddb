/** `q` as an ILIKE pattern matching it anywhere, with its own wildcards escaped. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
