import { Dec, formatDecimal, isDecimalString, MONEY_SCALE } from './decimal';

describe('exact decimals', () => {
  it('accepts plain decimal literals within the column scale', () => {
    expect(isDecimalString('12.500')).toBe(true);
    expect(isDecimalString('-0.000001')).toBe(true);
    expect(isDecimalString('999999999999.999999')).toBe(true);
  });

  it('rejects floats, exponents, junk and values the column cannot hold', () => {
    for (const bad of [
      12.5,
      '1e3',
      '12,5',
      ' 1',
      '1.',
      '.5',
      'NaN',
      '',
      '0.0000001',
      '1234567890123',
      null,
    ]) {
      expect(isDecimalString(bad)).toBe(false);
    }
    expect(isDecimalString('6.001', MONEY_SCALE)).toBe(false);
  });

  it('adds without binary rounding error', () => {
    expect(new Dec('0.1').plus('0.2').toString()).toBe('0.3');
    expect(formatDecimal(new Dec('1').div(3), 6)).toBe('0.333333');
    expect(formatDecimal('6', MONEY_SCALE)).toBe('6.00');
  });
});
