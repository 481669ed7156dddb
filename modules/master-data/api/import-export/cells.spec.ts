import { EnumCells, parseBoolean, parseDate, parseDecimal, parseInteger, xlsxNumberToDecimal } from './cells';

describe('xlsxNumberToDecimal', () => {
  it('drops binary floating-point artefacts (15 significant digits, as Excel shows)', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(xlsxNumberToDecimal(0.1 + 0.2)).toBe('0.3');
    expect(xlsxNumberToDecimal(1.1 * 3)).toBe('3.3');
    expect(xlsxNumberToDecimal(0.000001)).toBe('0.000001');
    expect(xlsxNumberToDecimal(0.000001 * 3)).toBe('0.000003');
    expect(xlsxNumberToDecimal(1e-7)).toBe('0.0000001');
  });

  it('writes plain notation without trailing zeros', () => {
    expect(xlsxNumberToDecimal(1234.5)).toBe('1234.5');
    expect(xlsxNumberToDecimal(24)).toBe('24');
    expect(xlsxNumberToDecimal(6901234567892)).toBe('6901234567892');
    expect(xlsxNumberToDecimal(1e21)).toBe('1000000000000000000000');
    expect(xlsxNumberToDecimal(-0)).toBe('0');
    expect(xlsxNumberToDecimal(-2.5)).toBe('-2.5');
  });
});

describe('parseDecimal', () => {
  it('normalises plain and scientific notation exactly', () => {
    expect(parseDecimal('12.50')).toEqual({ ok: true, value: '12.5' });
    expect(parseDecimal('1E-06')).toEqual({ ok: true, value: '0.000001' });
    expect(parseDecimal('+3')).toEqual({ ok: true, value: '3' });
    expect(parseDecimal('.5')).toEqual({ ok: true, value: '0.5' });
    expect(parseDecimal('0.000000')).toEqual({ ok: true, value: '0' });
  });

  it('refuses text, too many decimals, too many digits and out-of-range values', () => {
    expect(parseDecimal('abc').ok).toBe(false);
    expect(parseDecimal('1,000').ok).toBe(false);
    expect(parseDecimal('0.0000001').ok).toBe(false);
    expect(parseDecimal('1234567890123').ok).toBe(false);
    expect(parseDecimal('0', { min: '0', minExclusive: true }).ok).toBe(false);
    expect(parseDecimal('-1', { min: '0' }).ok).toBe(false);
    expect(parseDecimal('1', { max: '1', maxExclusive: true }).ok).toBe(false);
  });

  it('reads a percentage where the column allows it', () => {
    expect(parseDecimal('5%', { percent: true })).toEqual({ ok: true, value: '0.05' });
    expect(parseDecimal('5%').ok).toBe(false);
  });
});

describe('other cells', () => {
  it('integers accept 3, 3.0 and refuse 3.5 and out of range', () => {
    expect(parseInteger('3', 0, 10)).toEqual({ ok: true, value: 3 });
    expect(parseInteger('3.0', 0, 10)).toEqual({ ok: true, value: 3 });
    expect(parseInteger('3.5', 0, 10).ok).toBe(false);
    expect(parseInteger('11', 0, 10).ok).toBe(false);
  });

  it('booleans in Chinese and English', () => {
    for (const t of ['是', 'Y', 'yes', 'TRUE', '1', '√'])
      expect(parseBoolean(t)).toEqual({ ok: true, value: true });
    for (const t of ['否', 'n', 'No', 'false', '0', '×'])
      expect(parseBoolean(t)).toEqual({ ok: true, value: false });
    expect(parseBoolean('maybe').ok).toBe(false);
  });

  it('enumerations by code, label or synonym, any case', () => {
    const cells = new EnumCells<'make' | 'buy'>({ make: '自制', buy: '外购' }, { 采购: 'buy' });
    expect(cells.parse('自制')).toEqual({ ok: true, value: 'make' });
    expect(cells.parse('BUY')).toEqual({ ok: true, value: 'buy' });
    expect(cells.parse('采购')).toEqual({ ok: true, value: 'buy' });
    const bad = cells.parse('外协');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toContain('自制(make)');
  });

  it('dates as YYYY-MM-DD, refusing impossible ones', () => {
    expect(parseDate('2026/1/31')).toEqual({ ok: true, value: '2026-01-31' });
    expect(parseDate('2026-02-30').ok).toBe(false);
    expect(parseDate('31.01.2026').ok).toBe(false);
  });
});
