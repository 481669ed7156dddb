/**
 * CSV as spreadsheets write it (RFC 4180): quoted fields may hold the delimiter, quotes ("") and
 * line breaks; records end with CRLF or LF. Each record is one spreadsheet row, numbered from 1.
 */

const UTF8_BOM = '\uFEFF';

/**
 * The text of a CSV file: UTF-8 with or without a byte-order mark. A file that is not valid UTF-8 is
 * read as GB18030 (a superset of GBK), which is what Excel on Chinese Windows saves as "CSV".
 */
export function decodeCsv(buffer: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder('gb18030').decode(buffer);
  }
  return text.startsWith(UTF8_BOM) ? text.slice(1) : text;
}

/** The delimiter of the first line: the most frequent of , ; and tab outside quotes (default ,). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text.slice(0, 64 * 1024)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > (counts.get(best) ?? 0)) best = ch;
  return best;
}

/** Records of `text` as arrays of field strings (fields are not trimmed). */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Copy the run of ordinary characters at once.
      const next = text.indexOf('"', i);
      const end = next === -1 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

const NEEDS_QUOTES = /[",\r\n;\t]|^\s|\s$/;
/** A leading = + - @ makes Excel treat a cell as a formula (CSV injection): such cells get a ' prefix. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV file as Excel opens it correctly: UTF-8 with a byte-order mark, CRLF line ends. */
export function writeCsv(rows: readonly (readonly string[])[]): Buffer {
  const body = rows.map((row) => row.map(csvField).join(',')).join('\r\n');
  return Buffer.from(`${UTF8_BOM}${body}\r\n`, 'utf8');
}

/** Undoes csvField's formula guard on import: "'=x" reads as "=x". */
export function unguardCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
