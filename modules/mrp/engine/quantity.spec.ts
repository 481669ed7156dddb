import {
  ceilToStep,
  floorToStep,
  formatQty,
  lineFactor,
  mulQty,
  parseQty,
  roundUpToMultiple,
  type Qty,
} from './quantity';

const q = (text: string): Qty => {
  const parsed = parseQty(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};

describe('exact quantities (scaled bigints)', () => {
  it('parses plain decimals with up to 6 decimals and formats them back without trailing zeros', () => {
    for (const [input, output] of [
      ['10', '10'],
      ['10.500', '10.5'],
      ['0.000001', '0.000001'],
      ['-3.25', '-3.25'],
      ['0', '0'],
      ['-0', '0'],
      ['999999999999.999999', '999999999999.999999'],
    ] as const) {
      expect(formatQty(q(input))).toBe(output);
    }
  });

  it('formats values with more than 6 decimals exactly (gross requirements carry up to 18)', () => {
    expect(formatQty(mulQty(q('0.333333'), lineFactor(q('1.25'), q('0.333'))))).toBe('0.55541611125');
    expect(formatQty(10n ** 30n + 1n)).toBe('1000000000000.000000000000000001');
  });

  it('refuses exponents, spaces, numbers and too many decimals', () => {
    for (const bad of ['1e3', ' 1', '1.', '.5', '1.0000001', '', 'abc', 12])
      expect(parseQty(bad).ok).toBe(false);
  });

  it('qtyPer 2 with scrap 0.05 is a factor of 2.1; 3 × 2.1 = 6.3 exactly', () => {
    expect(formatQty(lineFactor(q('2'), q('0.05')))).toBe('2.1');
    expect(formatQty(mulQty(q('3'), lineFactor(q('2'), q('0.05'))))).toBe('6.3');
  });

  it('rounds to 0.000001 up and down, and up to a multiple', () => {
    const x = mulQty(q('0.000001'), q('0.5')); // 0.0000005
    expect(formatQty(ceilToStep(x))).toBe('0.000001');
    expect(formatQty(floorToStep(x))).toBe('0');
    expect(formatQty(ceilToStep(q('-1.5') - x))).toBe('-1.5');
    expect(formatQty(floorToStep(q('-1.5') - x))).toBe('-1.500001');
    expect(formatQty(roundUpToMultiple(q('26'), q('12')))).toBe('36');
    expect(formatQty(roundUpToMultiple(q('24'), q('12')))).toBe('24');
    expect(formatQty(roundUpToMultiple(q('0.3'), q('0.25')))).toBe('0.5');
  });
});
