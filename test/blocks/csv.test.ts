import { csvCell, csvFiles, csvText } from '../../src/blocks/csv';

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['Ana Ruiz', 'Ana Ruiz'],
    ['Zoë Łukasz 王', 'Zoë Łukasz 王'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded ', '" padded "'],
    // Anything a spreadsheet could run as a formula is prefixed, so it shows as text.
    ['=1+1', "'=1+1"],
    ['+16503316252', "'+16503316252"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes numbers, booleans and nulls as spreadsheets read them', () => {
    expect([csvCell(3), csvCell(true), csvCell(false), csvCell(null)]).toEqual([
      '3',
      'yes',
      'no',
      '',
    ]);
    expect(csvCell(-4)).toBe("'-4");
  });

  it('starts with a byte order mark and ends lines with CRLF', () => {
    expect(csvText(['A', 'B'], [['x', null]])).toBe('\uFEFFA,B\r\nx,\r\n');
  });
});

describe('splitting a table into files', () => {
  const table = { header: ['n'], rows: [['1'], ['2'], ['3'], ['4'], ['5']] };

  it('keeps a table that fits in one file', () => {
    const split = csvFiles('x', 'X', table, { maxRowsPerFile: 5, maxFiles: 1 });
    if (!('files' in split)) throw new Error('split refused');
    expect(split.files.map((f) => [f.filename, f.title, f.rows])).toEqual([['x.csv', 'X', 5]]);
  });

  it('splits into numbered parts, each with the header', () => {
    const split = csvFiles('x', 'X', table, { maxRowsPerFile: 2, maxFiles: 3 });
    if (!('files' in split)) throw new Error('split refused');
    expect(split.files.map((f) => [f.filename, f.rows])).toEqual([
      ['x-part-1-of-3.csv', 2],
      ['x-part-2-of-3.csv', 2],
      ['x-part-3-of-3.csv', 1],
    ]);
    expect(split.files[2]?.content.toString('utf8')).toBe('\uFEFFn\r\n5\r\n');
    expect(split.files[1]?.title).toBe('X (part 2 of 3)');
  });

  it('refuses a table that needs more parts than allowed, saying how many rows fit', () => {
    expect(csvFiles('x', 'X', table, { maxRowsPerFile: 2, maxFiles: 2 })).toEqual({
      tooLarge: { rows: 5, maxRows: 4, maxFiles: 2 },
    });
  });

  it('sends an empty table as a file with just the header', () => {
    const split = csvFiles(
      'x',
      'X',
      { header: ['n'], rows: [] },
      { maxRowsPerFile: 2, maxFiles: 1 },
    );
    if (!('files' in split)) throw new Error('split refused');
    expect(split.files[0]?.content.toString('utf8')).toBe('\uFEFFn\r\n');
  });
});
