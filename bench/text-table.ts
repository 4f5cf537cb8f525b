/** Fixed-width text tables for the bench's report: text left-aligned, numbers right-aligned. */

const NUMERIC = /^[\d.,+–≥<>~ ]+(ms|s|MB)?$/;

export function textTable(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[], header: boolean) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return !header && NUMERIC.test(cell) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [
    line(headers, true),
    widths.map((width) => '─'.repeat(width)).join('  '),
    ...rows.map((row) => line(row, false)),
  ];
}

export function ms(value: number): string {
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  return `${value.toFixed(value >= 10 ? 1 : 2)} ms`;
}

export function seconds(value: number): string {
  if (value >= 3600) return `${(value / 3600).toFixed(1)} h`;
  if (value >= 60) return `${(value / 60).toFixed(0)} min`;
  return `${value} s`;
}

export function count(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(2);
}
