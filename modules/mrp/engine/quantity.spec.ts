import {
  MAX_QTY,
  QTY_ONE,
  formatQty,
  lineFactor,
  mulFactor,
  parseQty,
  roundUpToMultiple,
  type Qty,
} from './quantity';

const q = (text: string): Qty => {
  const parsed = parseQty(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};

/** value × qtyPer × (1 + scrapRate) as [whole millionths, fraction in 10⁻¹² millionths]. */
const times = (value: string, qtyPer: string, scrapRate = '0'): [number, number] => {
  const out = new Float64Array(2);
  mulFactor(q(value), lineFactor(q(qtyPer), q(scrapRate)), out);
  return [out[0] ?? NaN, out[1] ?? NaN];
};

describe('exact quantities (integer millionths in a number)', () => {
  it('parses plain decimals with up to 6 decimals into integer millionths', () => {
    expect(q('10')).toBe(10_000_000);
    expect(q('10.500')).toBe(10_500_000);
    expect(q('0.000001')).toBe(1);
    expect(q('-3.25')).toBe(-3_250_000);
    expect(Object.is(q('-0'), 0)).toBe(true);
    expect(q('9007199254.740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(QTY_ONE).toBe(1_000_000);
  });

  it('formats them back without trailing zeros', () => {
    for (const [input, output] of [
      ['10', '10'],
      ['10.500', '10.5'],
      ['0.000001', '0.000001'],
      ['0.1', '0.1'],
      ['12.000450', '12.00045'],
      ['-3.25', '-3.25'],
      ['0', '0'],
      ['-0', '0'],
      ['9007199254.740991', '9007199254.740991'],
      ['9007199254', '9007199254'],
      ['9007199253.999999', '9007199253.999999'],
    ] as const) {
      expect(formatQty(q(input))).toBe(output);
    }
  });

  it('refuses exponents, spaces, numbers, too many decimals and values beyond the exact range', () => {
    for (const bad of ['1e3', ' 1', '1.', '.5', '1.0000001', '', 'abc', 12])
      expect(parseQty(bad).ok).toBe(false);
    expect(parseQty('9007199254.740992')).toEqual({
      ok: false,
      reason: '"9007199254.740992" is larger than 9007199254.740991',
    });
    expect(parseQty('999999999999.999999').ok).toBe(false);
    expect(MAX_QTY).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('qtyPer 2 with scrap 0.05 is the factor 2.1 = 21/10; 3 × 2.1 = 6.3 exactly', () => {
    const factor = lineFactor(q('2'), q('0.05'));
    expect([factor.num, factor.den]).toEqual([21, 10]);
    expect(times('3', '2', '0.05')).toEqual([6_300_000, 0]);
    expect(lineFactor(q('1'), 0)).toMatchObject({ num: 1, den: 1 });
  });

  it('multiplies exactly: whole millionths plus the fraction beyond the 6th decimal', () => {
    // 0.333333 × 1.25 × 1.333 = 0.55541611125: 555 416 millionths and 0.11125 of one.
    expect(times('0.333333', '1.25', '0.333')).toEqual([555_416, 111_250_000_000]);
    // 0.000001 × 0.5 = half a millionth.
    expect(times('0.000001', '0.5')).toEqual([0, 500_000_000_000]);
    // Beyond 2^53 in the intermediate product: the BigInt path gives the same exact answer.
    expect(times('8000000000', '1.000001')).toEqual([8_000_008_000_000_000, 0]);
    expect(times('7000000000.000001', '1.234567', '0.000001')).toEqual([
      8_641_977_641_969_001, 234_568_234_567,
    ]);
  });

  it('rounds up to a multiple', () => {
    expect(formatQty(roundUpToMultiple(q('26'), q('12')))).toBe('36');
    expect(formatQty(roundUpToMultiple(q('24'), q('12')))).toBe('24');
    expect(formatQty(roundUpToMultiple(q('0.3'), q('0.25')))).toBe('0.5');
    expect(roundUpToMultiple(0, q('12'))).toBe(0);
  });
});
