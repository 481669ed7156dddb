/** A stored version (BOM or routing) of an item. */
export interface StoredVersion {
  id: string;
  version: string;
  isDefault: boolean;
}

/** The rows of one (item, version): they replace that version's lines, or create it. */
export interface VersionGroup<R> {
  itemId: string;
  itemCode: string;
  version: string;
  rows: R[];
  /** The stored version replaced, or null when the import creates it. */
  existingId: string | null;
  /** A created version becomes the default when the item has none (the first one created does). */
  makeDefault: boolean;
}

/** "1", "2", …: one more than the highest all-digit version in use (as BomService.nextVersion). */
export function nextNumericVersion(versions: readonly string[]): string {
  let max = 0;
  for (const v of versions) if (/^\d+$/.test(v)) max = Math.max(max, Number(v));
  return String(max + 1);
}

/**
 * Groups rows by (item, version). A row without a version belongs to the item's default version: the
 * stored one, or the one created by an earlier row of the file, or else a new version numbered after
 * the existing ones (which then becomes the default). Groups come
 * out in the order of their first row; rows keep file order within a group.
 */
export function groupByVersion<R extends { version: string | null }>(
  rows: readonly R[],
  itemOf: (row: R) => { id: string; code: string } | undefined,
  stored: ReadonlyMap<string, readonly StoredVersion[]>,
): VersionGroup<R>[] {
  const groups = new Map<string, VersionGroup<R>>();
  /** item id → the version rows without one go to: the stored default, or the one this file creates. */
  const implicitVersion = new Map<string, string>();
  const defaultGiven = new Set<string>();
  for (const row of rows) {
    const item = itemOf(row);
    if (!item) continue;
    const versions = stored.get(item.id) ?? [];
    let version = row.version;
    if (version === null) {
      version =
        implicitVersion.get(item.id) ??
        versions.find((v) => v.isDefault)?.version ??
        nextNumericVersion(versions.map((v) => v.version));
      implicitVersion.set(item.id, version);
    }
    const key = `${item.id}\u0000${version}`;
    let group = groups.get(key);
    if (!group) {
      const existing = versions.find((v) => v.version === version) ?? null;
      const makeDefault = !existing && !versions.some((v) => v.isDefault) && !defaultGiven.has(item.id);
      if (makeDefault) {
        defaultGiven.add(item.id);
        if (!implicitVersion.has(item.id)) implicitVersion.set(item.id, version);
      }
      group = {
        itemId: item.id,
        itemCode: item.code,
        version,
        rows: [],
        existingId: existing?.id ?? null,
        makeDefault,
      };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}
