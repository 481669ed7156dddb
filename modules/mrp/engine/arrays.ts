/**
 * `values[index]` for an index the caller's loop keeps in bounds (`noUncheckedIndexedAccess` types it
 * as possibly undefined); a slip shows as a RangeError instead of an undefined travelling on.
 */
export function nth<T>(values: ArrayLike<T>, index: number): T {
  const value = values[index];
  if (value === undefined) throw new RangeError(`index ${index} is out of bounds (${values.length})`);
  return value;
}
