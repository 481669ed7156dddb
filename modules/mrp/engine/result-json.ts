import { nth } from './arrays';
import type { MrpPlanOptions } from './model';
import { validateModel } from './model-validator';
import { planNormalized } from './mrp-planner';
import { formatQty } from './quantity';

const CHUNK_CHARS = 1 << 20;

/**
 * Writes `JSON.stringify(planMrp(model))`, byte for byte, in chunks of about 1 MB straight from the
 * engine's planned orders, without building the result objects or one big string: what the CLI
 * prints. On a 50 000-item model the pegs run into millions; keeping them off the heap matters more
 * than anything else for its run time. Validation errors are thrown before anything is written.
 */
export function writeMrpJson(
  model: unknown,
  write: (chunk: string) => void,
  options: Omit<MrpPlanOptions, 'records'> = {},
): void {
  const normalized = validateModel(model);
  const labels = normalized.demandLabels.map((label) => JSON.stringify(label));
  const heads = new Map<number, string>();
  let buffer = '{"plannedOrders":[';
  let first = true;
  const result = planNormalized(normalized, options, (item, order, formatDay) => {
    let head = heads.get(item.index);
    if (head === undefined) {
      head = `{"item":${JSON.stringify(item.code)},"kind":"${item.kind}","qty":"`;
      heads.set(item.index, head);
    }
    buffer += `${first ? '' : ','}${head}${formatQty(order.qty)}","release":"${formatDay(order.release)}","due":"${formatDay(order.due)}","pegs":[`;
    first = false;
    for (let k = 0; k < order.pegLabels.length; k++) {
      buffer += `${k === 0 ? '' : ','}{"demand":${nth(labels, nth(order.pegLabels, k))},"qty":"${formatQty(nth(order.pegQtys, k))}"}`;
    }
    buffer += ']}';
    if (buffer.length > CHUNK_CHARS) {
      write(buffer);
      buffer = '';
    }
  });
  write(`${buffer}],"exceptions":${JSON.stringify(result.exceptions)}}`);
}

/** `JSON.stringify(planMrp(model))` as one string, through `writeMrpJson`. */
export function planMrpJson(model: unknown, options: Omit<MrpPlanOptions, 'records'> = {}): string {
  const chunks: string[] = [];
  writeMrpJson(model, (chunk) => chunks.push(chunk), options);
  return chunks.join('');
}
