import { groupByVersion, nextNumericVersion, type StoredVersion } from './grouping';

const items = new Map([
  ['P', { id: 'p', code: 'P' }],
  ['Q', { id: 'q', code: 'Q' }],
  ['R', { id: 'r', code: 'R' }],
]);
const row = (n: number, item: string, version: string | null) => ({ row: n, item, version });

describe('groupByVersion', () => {
  it('groups rows by item and version, a blank version meaning the default one', () => {
    const stored = new Map<string, StoredVersion[]>([
      [
        'p',
        [
          { id: 'p1', version: '1', isDefault: false },
          { id: 'p2', version: '2', isDefault: true },
        ],
      ],
    ]);
    const groups = groupByVersion(
      [
        row(2, 'P', null),
        row(3, 'Q', null),
        row(4, 'P', '2'),
        row(5, 'P', '3'),
        row(6, 'Q', null),
        row(7, 'X', null),
      ],
      (r) => items.get(r.item),
      stored,
    );
    expect(
      groups.map((g) => [g.itemCode, g.version, g.rows.map((r) => r.row), g.existingId, g.makeDefault]),
    ).toEqual([
      ['P', '2', [2, 4], 'p2', false],
      ['Q', '1', [3, 6], null, true],
      ['P', '3', [5], null, false],
    ]);
  });

  it('makes the first created version of an item without a default its default, and puts blank versions there', () => {
    const stored = new Map<string, StoredVersion[]>([['r', [{ id: 'o1', version: 'O1', isDefault: false }]]]);
    const groups = groupByVersion(
      [row(2, 'R', 'A'), row(3, 'R', 'B'), row(4, 'R', null)],
      (r) => items.get(r.item),
      stored,
    );
    expect(groups.map((g) => [g.version, g.makeDefault, g.rows.map((r) => r.row)])).toEqual([
      ['A', true, [2, 4]],
      ['B', false, [3]],
    ]);
  });

  it('numbers new versions after the numeric ones in use', () => {
    expect(nextNumericVersion([])).toBe('1');
    expect(nextNumericVersion(['1', '7', 'O3', 'X'])).toBe('8');
  });
});
