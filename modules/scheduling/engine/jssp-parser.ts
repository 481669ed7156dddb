/**
 * The OR-Library / Taillard text form of a job-shop instance (PLANNING-FORMATS.md): first line
 * `jobs machines`, then one line per job of `machine duration` pairs in routing order, machines from 0.
 * Lines starting with `#` and blank lines are skipped (the OR-Library files carry such headers).
 * Errors name the line and column (both from 1).
 */
import { jobShopProblem, type ShopProblem } from './model';

export class JsspParseError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.name = 'JsspParseError';
  }
}

export interface JsspInstance {
  jobs: number;
  machines: number;
  /** routings[j][i] = [machine, duration] of job j's i-th operation. */
  routings: [number, number][][];
}

interface Token {
  text: string;
  column: number;
}

function tokens(line: string): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  for (let match = re.exec(line); match !== null; match = re.exec(line)) {
    out.push({ text: match[0], column: match.index + 1 });
  }
  return out;
}

function integer(token: Token, line: number, what: string, min: number, max: number): number {
  if (!/^\d+$/.test(token.text))
    throw new JsspParseError(line, token.column, `${what}: expected a whole number, got "${token.text}"`);
  const value = Number(token.text);
  if (value < min || value > max) {
    throw new JsspParseError(line, token.column, `${what}: ${token.text} is outside ${min}…${max}`);
  }
  return value;
}

const MAX_DURATION = 1_000_000_000;

export function parseJssp(text: string): JsspInstance {
  const lines = text.split(/\r?\n/);
  let index = 0;
  const nextDataLine = (): { number: number; tokens: Token[] } | undefined => {
    while (index < lines.length) {
      const raw = lines[index] ?? '';
      index++;
      const trimmed = raw.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      return { number: index, tokens: tokens(raw) };
    }
    return undefined;
  };
  const header = nextDataLine();
  if (header === undefined)
    throw new JsspParseError(lines.length, 1, 'expected "jobs machines", found no data');
  const [jobsToken, machinesToken, extra] = header.tokens;
  if (jobsToken === undefined || machinesToken === undefined) {
    throw new JsspParseError(
      header.number,
      (jobsToken?.column ?? 0) + (jobsToken?.text.length ?? 0),
      'expected "jobs machines"',
    );
  }
  if (extra !== undefined)
    throw new JsspParseError(header.number, extra.column, `unexpected "${extra.text}" after "jobs machines"`);
  const jobs = integer(jobsToken, header.number, 'number of jobs', 1, 100_000);
  const machines = integer(machinesToken, header.number, 'number of machines', 1, 100_000);
  const routings: [number, number][][] = [];
  for (let j = 0; j < jobs; j++) {
    const line = nextDataLine();
    if (line === undefined) {
      throw new JsspParseError(lines.length, 1, `expected ${jobs} job lines, found ${j}`);
    }
    if (line.tokens.length % 2 !== 0) {
      const last = line.tokens[line.tokens.length - 1];
      throw new JsspParseError(
        line.number,
        (last?.column ?? 0) + (last?.text.length ?? 0),
        `job ${j}: machine "${last?.text ?? ''}" has no duration`,
      );
    }
    const routing: [number, number][] = [];
    for (let t = 0; t < line.tokens.length; t += 2) {
      const machineToken = line.tokens[t];
      const durationToken = line.tokens[t + 1];
      if (machineToken === undefined || durationToken === undefined) break;
      const machine = integer(
        machineToken,
        line.number,
        `job ${j}, operation ${t / 2}: machine`,
        0,
        machines - 1,
      );
      const duration = integer(
        durationToken,
        line.number,
        `job ${j}, operation ${t / 2}: duration`,
        0,
        MAX_DURATION,
      );
      routing.push([machine, duration]);
    }
    if (routing.length === 0) throw new JsspParseError(line.number, 1, `job ${j}: no operations`);
    routings.push(routing);
  }
  const trailing = nextDataLine();
  if (trailing !== undefined) {
    throw new JsspParseError(
      trailing.number,
      trailing.tokens[0]?.column ?? 1,
      `unexpected data after the ${jobs} job lines`,
    );
  }
  return { jobs, machines, routings };
}

export function jsspProblem(instance: JsspInstance): ShopProblem {
  return jobShopProblem(instance.machines, instance.routings);
}
