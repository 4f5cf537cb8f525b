/**
 * Spreadsheet files (CSV) the way spreadsheets open them well: UTF-8 with a byte order mark (so
 * Excel reads accents and non-Latin names right), CRLF line ends and RFC 4180 quoting. A cell
 * that starts with `=`, `+`, `-`, `@` (or a tab or carriage return) could run as a formula when
 * opened, so it gets a leading `'`, which spreadsheets show as text (OWASP's advice against CSV
 * injection): names and labels come from whoever typed them into RingCentral or Slack. E.164
 * numbers start with `+`, so they carry the `'` too, which also keeps them from being read as
 * numbers that lose their `+`.
 */

export type Cell = string | number | boolean | null;

export interface CsvTable {
  header: string[];
  rows: Cell[][];
}

export interface CsvFile {
  filename: string;
  title: string;
  content: Buffer;
  /** Data rows in this file (the header not counted). */
  rows: number;
}

export interface SplitLimits {
  /** Data rows per file; more are split into parts. */
  maxRowsPerFile: number;
  /** Parts at most; an export needing more is refused with the reason. */
  maxFiles: number;
}

export type CsvFiles =
  | { files: CsvFile[] }
  | { tooLarge: { rows: number; maxRows: number; maxFiles: number } };

const BOM = '\uFEFF';
const RISKY_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  const guarded = RISKY_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvText(header: string[], rows: Cell[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * The table as one file, or as parts of at most `maxRowsPerFile` rows each (every part with the
 * header, named `…-part-2-of-3.csv`); more than `maxFiles` parts is refused.
 */
export function csvFiles(
  baseName: string,
  title: string,
  table: CsvTable,
  limits: SplitLimits,
): CsvFiles {
  const perFile = Math.max(1, limits.maxRowsPerFile);
  const parts = Math.max(1, Math.ceil(table.rows.length / perFile));
  if (parts > limits.maxFiles) {
    return {
      tooLarge: {
        rows: table.rows.length,
        maxRows: perFile * limits.maxFiles,
        maxFiles: limits.maxFiles,
      },
    };
  }
  const files: CsvFile[] = [];
  for (let part = 0; part < parts; part++) {
    const rows = table.rows.slice(part * perFile, (part + 1) * perFile);
    const suffix = parts === 1 ? '' : `-part-${part + 1}-of-${parts}`;
    files.push({
      filename: `${baseName}${suffix}.csv`,
      title: parts === 1 ? title : `${title} (part ${part + 1} of ${parts})`,
      content: Buffer.from(csvText(table.header, rows), 'utf8'),
      rows: rows.length,
    });
  }
  return { files };
}
