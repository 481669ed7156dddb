// The routing editor's form ↔ `RoutingInput`, its checks, and API error paths → rows.
import { ApiError } from '@mes/web-core';
import type {
  RoutingInput,
  RoutingOperationInput,
  RoutingReplaceInput,
  RoutingView,
} from './api/routing.api';
import { isDecimal } from './data';

export const ROUTING_LIMITS = {
  seq: 9999,
  name: 100,
  skill: 50,
  sopUrl: 500,
  alternatives: 20,
} as const;

export interface AlternativeRow {
  key: number;
  workCenterCode: string;
  runMinutes: string;
}

export interface OperationRow {
  key: number;
  seq: number | null;
  name: string;
  workCenterCode: string;
  setupMinutes: string;
  runMinutes: string;
  queueMinutes: string;
  moveMinutes: string;
  skill: string;
  inspectionPoint: boolean;
  /** May pause over a break or shift end (可跨班); off: must fit in one shift. */
  spanBreaks: boolean;
  sopUrl: string;
  alternatives: AlternativeRow[];
}

export interface RoutingForm {
  itemCode: string;
  /** Shown next to the code; not sent. */
  itemName: string;
  version: string;
  isDefault: boolean;
  operations: OperationRow[];
}

let rowKey = 0;
const nextKey = () => {
  rowKey += 1;
  return rowKey;
};

export function emptyAlternative(): AlternativeRow {
  return { key: nextKey(), workCenterCode: '', runMinutes: '' };
}

/** A new operation numbered 10 after the last one (10, 20, 30 …). */
export function emptyOperation(after: readonly OperationRow[] = []): OperationRow {
  const last = after.reduce((max, op) => Math.max(max, op.seq ?? 0), 0);
  return {
    key: nextKey(),
    seq: Math.min(ROUTING_LIMITS.seq, Math.floor(last / 10) * 10 + 10),
    name: '',
    workCenterCode: '',
    setupMinutes: '',
    runMinutes: '',
    queueMinutes: '',
    moveMinutes: '',
    skill: '',
    inspectionPoint: false,
    spanBreaks: true,
    sopUrl: '',
    alternatives: [],
  };
}

export function emptyRoutingForm(itemCode = ''): RoutingForm {
  return { itemCode, itemName: '', version: '', isDefault: true, operations: [emptyOperation()] };
}

export function routingToForm(routing: RoutingView): RoutingForm {
  return {
    itemCode: routing.itemCode,
    itemName: routing.itemName,
    version: routing.version,
    isDefault: routing.isDefault,
    operations: [...routing.operations]
      .sort((a, b) => a.seq - b.seq)
      .map((op) => ({
        key: nextKey(),
        seq: op.seq,
        name: op.name,
        workCenterCode: op.workCenterCode,
        setupMinutes: op.setupMinutes,
        runMinutes: op.runMinutes,
        queueMinutes: op.queueMinutes,
        moveMinutes: op.moveMinutes,
        skill: op.skill,
        inspectionPoint: op.inspectionPoint,
        spanBreaks: op.spanBreaks,
        sopUrl: op.sopUrl,
        alternatives: op.alternatives.map((a) => ({
          key: nextKey(),
          workCenterCode: a.workCenterCode,
          runMinutes: a.runMinutes,
        })),
      })),
  };
}

/**
 * The operations as sent, in form order (so that `operations[i]` in an error is row i). Minutes stay
 * the strings typed; blank optional minutes are left to the API (0).
 */
export function operationsToInput(rows: readonly OperationRow[]): RoutingOperationInput[] {
  return rows.map((r) => {
    const op: RoutingOperationInput = {
      seq: r.seq ?? 0,
      name: r.name.trim(),
      workCenterCode: r.workCenterCode.trim(),
      runMinutes: r.runMinutes.trim(),
    };
    if (r.setupMinutes.trim()) op.setupMinutes = r.setupMinutes.trim();
    if (r.queueMinutes.trim()) op.queueMinutes = r.queueMinutes.trim();
    if (r.moveMinutes.trim()) op.moveMinutes = r.moveMinutes.trim();
    if (r.skill.trim()) op.skill = r.skill.trim();
    op.inspectionPoint = r.inspectionPoint;
    op.spanBreaks = r.spanBreaks;
    if (r.sopUrl.trim()) op.sopUrl = r.sopUrl.trim();
    op.alternatives = r.alternatives.map((a) => ({
      workCenterCode: a.workCenterCode.trim(),
      runMinutes: a.runMinutes.trim(),
    }));
    return op;
  });
}

export function routingFormToInput(form: RoutingForm): RoutingInput {
  const input: RoutingInput = {
    itemCode: form.itemCode.trim(),
    isDefault: form.isDefault,
    operations: operationsToInput(form.operations),
  };
  if (form.version.trim()) input.version = form.version.trim();
  return input;
}

export function routingFormToReplace(form: RoutingForm): RoutingReplaceInput {
  const input: RoutingReplaceInput = { operations: operationsToInput(form.operations) };
  if (form.version.trim()) input.version = form.version.trim();
  return input;
}

export type OperationField =
  | 'seq'
  | 'name'
  | 'workCenterCode'
  | 'setupMinutes'
  | 'runMinutes'
  | 'queueMinutes'
  | 'moveMinutes'
  | 'skill'
  | 'sopUrl';

export interface OperationErrors {
  fields: Partial<Record<OperationField, string>>;
  /** By alternative index. */
  alternatives: Record<number, string>;
  /** A problem of the row as a whole (API only). */
  row?: string;
}

const OPTIONAL_MINUTES = ['setupMinutes', 'queueMinutes', 'moveMinutes'] as const;

/** Client-side checks of the operations (i18n keys per row and field, and per alternative). */
export function operationErrors(rows: readonly OperationRow[]): OperationErrors[] {
  const seqCount = new Map<number, number>();
  for (const r of rows) if (r.seq !== null) seqCount.set(r.seq, (seqCount.get(r.seq) ?? 0) + 1);
  return rows.map((r) => {
    const fields: OperationErrors['fields'] = {};
    if (r.seq === null || !Number.isInteger(r.seq) || r.seq < 1 || r.seq > ROUTING_LIMITS.seq)
      fields.seq = 'masterData.rules.seqInvalid';
    else if ((seqCount.get(r.seq) ?? 0) > 1) fields.seq = 'masterData.rules.seqDuplicate';
    if (!r.name.trim()) fields.name = 'masterData.rules.operationNameRequired';
    if (!r.workCenterCode.trim()) fields.workCenterCode = 'masterData.rules.workCenterRequired';
    if (!r.runMinutes.trim()) fields.runMinutes = 'masterData.rules.runMinutesRequired';
    else if (!isDecimal(r.runMinutes)) fields.runMinutes = 'masterData.rules.minutesInvalid';
    for (const f of OPTIONAL_MINUTES)
      if (r[f].trim() && !isDecimal(r[f])) fields[f] = 'masterData.rules.minutesInvalid';
    const alternatives: Record<number, string> = {};
    const seen = new Set<string>();
    r.alternatives.forEach((a, i) => {
      const code = a.workCenterCode.trim();
      if (!code) alternatives[i] = 'masterData.rules.workCenterRequired';
      else if (code === r.workCenterCode.trim()) alternatives[i] = 'masterData.rules.alternativeIsPrimary';
      else if (seen.has(code)) alternatives[i] = 'masterData.rules.alternativeDuplicate';
      else if (!a.runMinutes.trim() || !isDecimal(a.runMinutes))
        alternatives[i] = 'masterData.rules.minutesInvalid';
      seen.add(code);
    });
    return { fields, alternatives };
  });
}

export const hasOperationErrors = (errors: readonly OperationErrors[]) =>
  errors.some((e) => Object.keys(e.fields).length > 0 || Object.keys(e.alternatives).length > 0);

const OPERATION_FIELDS: readonly string[] = [
  'seq',
  'name',
  'workCenterCode',
  'setupMinutes',
  'runMinutes',
  'queueMinutes',
  'moveMinutes',
  'skill',
  'sopUrl',
];

/**
 * The details of an API error on the operations, by row: `operations[1].runMinutes` → row 1's
 * runMinutes; `operations[0].alternatives[2].runMinutes` → row 0's alternative 2; anything else
 * about a row → its `row` message.
 */
export function operationServerErrors(
  error: unknown,
  say: (message: string) => string = (m) => m,
): Record<number, OperationErrors> {
  const out: Record<number, OperationErrors> = {};
  if (!(error instanceof ApiError)) return out;
  for (const d of error.details) {
    const m = /^operations\[(\d+)\](?:\.(\w+)(?:\[(\d+)\])?)?/.exec(d.field);
    if (!m?.[1]) continue;
    const row = (out[Number(m[1])] ??= { fields: {}, alternatives: {} });
    const field = m[2] ?? '';
    const message = say(d.message);
    if (field === 'alternatives' && m[3] !== undefined) row.alternatives[Number(m[3])] ??= message;
    else if (OPERATION_FIELDS.includes(field)) row.fields[field as OperationField] ??= message;
    else row.row ??= message;
  }
  return out;
}

/** Total run minutes of one unit over the operations ("" when a time is not a number yet). */
export function totalRunMinutes(rows: readonly OperationRow[]): string {
  let total = 0;
  for (const r of rows) {
    if (!isDecimal(r.runMinutes)) return '';
    total += Number(r.runMinutes);
  }
  return String(Math.round(total * 1e6) / 1e6);
}
