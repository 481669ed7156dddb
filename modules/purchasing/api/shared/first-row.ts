/** The first row of a result that must have one (an INSERT … RETURNING, a view of a row just read). */
export function firstRow<T>(rows: T[], what: string): T {
  const [row] = rows;
  if (row === undefined) throw new Error(`${what}: expected a row`);
  return row;
}
