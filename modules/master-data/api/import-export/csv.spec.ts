import { csvField, decodeCsv, detectDelimiter, parseCsv, unguardCell, writeCsv } from './csv';

describe('CSV', () => {
  it('parses quoted fields with delimiters, quotes and line breaks, CRLF or LF', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\n1,,3';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '', '3'],
    ]);
  });

  it('keeps an empty last field and ignores the final line break', () => {
    expect(parseCsv('a,b,\n')).toEqual([['a', 'b', '']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('detects ; and tab delimiters from the header line', () => {
    expect(detectDelimiter('编码;名称\n1;2')).toBe(';');
    expect(detectDelimiter('编码\t名称')).toBe('\t');
    expect(detectDelimiter('"a;b",c')).toBe(',');
    expect(parseCsv('a;b\n1;2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('decodes UTF-8 with or without a BOM, and GB18030 (Excel "CSV" on Chinese Windows)', () => {
    expect(decodeCsv(Buffer.from('\uFEFF物料编码,名称', 'utf8'))).toBe('物料编码,名称');
    expect(decodeCsv(Buffer.from('物料编码', 'utf8'))).toBe('物料编码');
    // "物料" in GBK
    expect(decodeCsv(Buffer.from([0xce, 0xef, 0xc1, 0xcf]))).toBe('物料');
  });

  it('writes UTF-8 with BOM and CRLF, quoting what needs it and guarding formulas', () => {
    const file = writeCsv([
      ['编码', 'name'],
      ['A-1', 'x,"y"'],
      ['B', '=HYPERLINK("evil")'],
      ['C', '-5'],
    ]).toString('utf8');
    expect(file).toBe('\uFEFF编码,name\r\nA-1,"x,""y"""\r\nB,"\'=HYPERLINK(""evil"")"\r\nC,-5\r\n');
    const back = parseCsv(decodeCsv(Buffer.from(file, 'utf8'))).map((r) => r.map(unguardCell));
    expect(back[2]).toEqual(['B', '=HYPERLINK("evil")']);
    expect(csvField(' padded ')).toBe('" padded "');
  });
});
