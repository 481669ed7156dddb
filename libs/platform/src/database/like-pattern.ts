/** `q` as an ILIKE pattern matching it anywhere, with its own wildcards (`%`, `_`, `\`) taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
