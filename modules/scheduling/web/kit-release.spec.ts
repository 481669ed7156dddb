import { describe, expect, it } from 'vitest';
import { releaseState, shortageFromDetails } from './kit-release';

const line = (itemCode: string, shortage: string) => ({
  itemCode,
  itemName: itemCode,
  required: '10',
  available: String(10 - Number(shortage)),
  shortage,
});

describe('kit release', () => {
  it('offers the release when the kit is complete, or when forced', () => {
    const complete = { ok: true, lines: [line('LEG', '0')] };
    const short = { ok: false, lines: [line('LEG', '4'), line('SEAT', '0')] };
    expect(releaseState(complete, false)).toEqual({ short: [], canRelease: true });
    expect(releaseState(short, false)).toEqual({ short: [line('LEG', '4')], canRelease: false });
    expect(releaseState(short, true).canRelease).toBe(true);
    expect(releaseState(null, true)).toEqual({ short: [], canRelease: false });
  });

  it('reads the shortages of a 409 KIT_SHORTAGE', () => {
    const details = [
      {
        field: 'components.LEG',
        message: 'short 4',
        itemCode: 'LEG',
        required: '24',
        available: '20',
        shortage: '4',
      },
      { field: 'force', message: 'not a shortage' },
    ];
    expect(shortageFromDetails(details)).toEqual([
      { itemCode: 'LEG', itemName: '', required: '24', available: '20', shortage: '4' },
    ]);
  });
});
