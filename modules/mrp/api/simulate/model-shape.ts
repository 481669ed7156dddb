import type { ApiErrorDetail } from '@mes/shared';

/** The fields each part of a planning model may carry (PLANNING-FORMATS.md); anything else is refused. */
const SHAPE = {
  top: ['start', 'items', 'bom', 'onHand', 'allocated', 'scheduledReceipts', 'demands', 'options'],
  items: ['code', 'type', 'leadTimeDays', 'safetyStock', 'lotSizing'],
  lotSizing: ['rule', 'qty', 'periods', 'min', 'multiple'],
  bom: ['parent', 'child', 'qtyPer', 'scrapRate'],
  onHand: ['item', 'qty'],
  allocated: ['item', 'qty'],
  scheduledReceipts: ['item', 'qty', 'due', 'kind', 'ref'],
  demands: ['item', 'qty', 'due', 'ref'],
  options: ['deferToleranceDays'],
} as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function unknownKeys(value: unknown, allowed: readonly string[], field: string, out: ApiErrorDetail[]): void {
  if (!isObject(value)) return;
  for (const key of Object.keys(value))
    if (!allowed.includes(key))
      out.push({ field: field ? `${field}.${key}` : key, message: 'is not a field of a planning model' });
}

/**
 * The API is stricter than the CLI: a body is a planning model object without unknown fields (the
 * engine itself checks types, values, items and cycles).
 */
export function modelShapeProblems(body: unknown): ApiErrorDetail[] {
  if (!isObject(body)) return [{ field: 'body', message: 'must be a planning model object' }];
  const problems: ApiErrorDetail[] = [];
  unknownKeys(body, SHAPE.top, '', problems);
  unknownKeys(body.options, SHAPE.options, 'options', problems);
  for (const section of ['items', 'bom', 'onHand', 'allocated', 'scheduledReceipts', 'demands'] as const) {
    const rows = body[section];
    if (!Array.isArray(rows)) continue;
    rows.forEach((row: unknown, i) => {
      unknownKeys(row, SHAPE[section], `${section}[${i}]`, problems);
      if (section === 'items' && isObject(row))
        unknownKeys(row.lotSizing, SHAPE.lotSizing, `items[${i}].lotSizing`, problems);
    });
  }
  return problems;
}
