import type { ApiErrorDetail } from '@mes/shared';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const SHAPE = {
  top: ['problem', 'options'],
  problem: ['resources', 'jobs', 'links'],
  resource: ['windows', 'setup', 'initialFamily'],
  job: ['operations', 'release', 'due', 'weight', 'priority', 'family'],
  operation: ['options', 'spanBreaks', 'lagBefore', 'fixed'],
  option: ['resource', 'duration'],
  fixed: ['resource', 'start'],
  link: ['before', 'after'],
  options: ['strategy', 'rule', 'timeLimitMs', 'maxIterations', 'seed', 'weights'],
} as const;

function keys(value: unknown, allowed: readonly string[], field: string, out: ApiErrorDetail[]): void {
  if (!isObject(value)) return;
  for (const key of Object.keys(value))
    if (!allowed.includes(key))
      out.push({ field: field ? `${field}.${key}` : key, message: 'is not a field of a scheduling problem' });
}

function list(value: unknown, field: string, out: ApiErrorDetail[], required = true): unknown[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) {
    out.push({ field, message: 'must be an array' });
    return [];
  }
  return value;
}

function object(value: unknown, field: string, out: ApiErrorDetail[]): value is Record<string, unknown> {
  if (isObject(value)) return true;
  out.push({ field, message: 'must be an object' });
  return false;
}

/**
 * The shape of `{ problem, options? }` (arrays where arrays belong, objects where objects belong, no
 * unknown fields); the engine then checks every value, calendars, precedence and cycles.
 */
export function problemShapeProblems(body: unknown): ApiErrorDetail[] {
  const out: ApiErrorDetail[] = [];
  if (!object(body, 'body', out)) return out;
  keys(body, SHAPE.top, '', out);
  if (body.options !== undefined && object(body.options, 'options', out))
    keys(body.options, SHAPE.options, 'options', out);
  const problem = body.problem;
  if (!object(problem, 'problem', out)) return out;
  keys(problem, SHAPE.problem, 'problem', out);
  list(problem.resources, 'problem.resources', out).forEach((r, i) => {
    const field = `problem.resources[${i}]`;
    if (!object(r, field, out)) return;
    keys(r, SHAPE.resource, field, out);
    list(r.windows, `${field}.windows`, out, false).forEach((w, k) => {
      if (!Array.isArray(w) || w.length !== 2)
        out.push({ field: `${field}.windows[${k}]`, message: 'must be [start, end]' });
    });
    list(r.setup, `${field}.setup`, out, false).forEach((row, k) => {
      if (!Array.isArray(row)) out.push({ field: `${field}.setup[${k}]`, message: 'must be an array' });
    });
  });
  list(problem.jobs, 'problem.jobs', out).forEach((j, i) => {
    const field = `problem.jobs[${i}]`;
    if (!object(j, field, out)) return;
    keys(j, SHAPE.job, field, out);
    list(j.operations, `${field}.operations`, out).forEach((o, k) => {
      const opField = `${field}.operations[${k}]`;
      if (!object(o, opField, out)) return;
      keys(o, SHAPE.operation, opField, out);
      if (o.fixed !== undefined && object(o.fixed, `${opField}.fixed`, out))
        keys(o.fixed, SHAPE.fixed, `${opField}.fixed`, out);
      list(o.options, `${opField}.options`, out).forEach((option, e) => {
        if (object(option, `${opField}.options[${e}]`, out))
          keys(option, SHAPE.option, `${opField}.options[${e}]`, out);
      });
    });
  });
  list(problem.links, 'problem.links', out, false).forEach((l, i) => {
    if (object(l, `problem.links[${i}]`, out)) keys(l, SHAPE.link, `problem.links[${i}]`, out);
  });
  return out;
}
