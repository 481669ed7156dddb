import { JsspParseError, parseJssp } from './jssp-parser';

function parseError(text: string): JsspParseError {
  try {
    parseJssp(text);
  } catch (error) {
    if (error instanceof JsspParseError) return error;
    throw error;
  }
  throw new Error('expected a JsspParseError');
}

describe('parseJssp', () => {
  it('reads the PLANNING-FORMATS.md example', () => {
    expect(parseJssp('3 3\n0 3 1 2 2 2\n0 2 2 1 1 4\n1 4 2 3 0 1\n')).toEqual({
      jobs: 3,
      machines: 3,
      routings: [
        [
          [0, 3],
          [1, 2],
          [2, 2],
        ],
        [
          [0, 2],
          [2, 1],
          [1, 4],
        ],
        [
          [1, 4],
          [2, 3],
          [0, 1],
        ],
      ],
    });
  });

  it('skips # comment lines, blank lines, leading blanks and CRLF', () => {
    const text = '#+++\n# instance x\n\n 2 2\r\n  0 5  1 6 \r\n\n1 7 0 8\n\n';
    expect(parseJssp(text).routings).toEqual([
      [
        [0, 5],
        [1, 6],
      ],
      [
        [1, 7],
        [0, 8],
      ],
    ]);
  });

  it('accepts jobs with fewer operations than machines and zero durations', () => {
    expect(parseJssp('2 3\n2 0\n0 1 1 2 2 3\n').routings).toEqual([
      [[2, 0]],
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    ]);
  });

  it.each([
    ['', 1, 1, 'found no data'],
    ['3\n', 1, 2, 'expected "jobs machines"'],
    ['2 2 7\n', 1, 5, 'unexpected "7"'],
    ['x 2\n', 1, 1, 'number of jobs: expected a whole number, got "x"'],
    ['0 2\n', 1, 1, 'number of jobs: 0 is outside'],
    ['2 2\n0 1 1 2\n', 3, 1, 'expected 2 job lines, found 1'],
    ['1 2\n0 1 1\n', 2, 6, 'machine "1" has no duration'],
    ['1 2\n0 1 2 3\n', 2, 5, 'job 0, operation 1: machine: 2 is outside 0…1'],
    ['1 2\n0 -1\n', 2, 3, 'job 0, operation 0: duration: expected a whole number, got "-1"'],
    ['1 2\n0 1.5\n', 2, 3, 'duration: expected a whole number, got "1.5"'],
    ['1 1\n0 1\n0 2\n', 3, 1, 'unexpected data after the 1 job lines'],
  ])('refuses %j at line %i, column %i', (text, line, column, reason) => {
    const error = parseError(text);
    expect(error.line).toBe(line);
    expect(error.column).toBe(column);
    expect(error.message).toContain(reason);
    expect(error.message).toMatch(new RegExp(`^line ${line}, column ${column}: `));
  });
});
