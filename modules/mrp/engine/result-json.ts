import type { MrpPlanOptions } from './model';
import { validateModel } from './model-validator';
import { planNormalized, type Plan } from './mrp-planner';
import type { NormalizedModel } from './normalized-model';
import { QTY_ONE } from './quantity';

const CHUNK_BYTES = 1 << 20;
const encoder = new TextEncoder();

/** Bytes of `"`, `,`, `{`, … */
const QUOTE = 34;
const COMMA = 44;
const DOT = 46;
const ZERO = 48;

/** UTF-8 output in ~1 MB chunks, written byte by byte: no string per number or per peg. */
class ByteWriter {
  private buffer = new Uint8Array(CHUNK_BYTES);
  private at = 0;

  constructor(private readonly write: (chunk: Uint8Array) => void) {}

  /** Makes room for `bytes` more (flushing the chunk when it is full). */
  room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    this.flush();
    if (bytes > this.buffer.length) this.buffer = new Uint8Array(bytes);
  }

  flush(): void {
    if (this.at === 0) return;
    this.write(this.buffer.subarray(0, this.at));
    this.at = 0;
  }

  byte(value: number): void {
    this.buffer[this.at++] = value;
  }

  bytes(values: Uint8Array): void {
    this.buffer.set(values, this.at);
    this.at += values.length;
  }

  /** A whole number 0 ≤ value < 2^53 in decimal. */
  integer(value: number): void {
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    const buffer = this.buffer;
    let rest = value;
    for (let i = this.at + digits - 1; i >= this.at; i--) {
      const next = Math.floor(rest / 10);
      buffer[i] = ZERO + rest - next * 10;
      rest = next;
    }
    this.at += digits;
  }

  /** A quantity in millionths as formatQty writes it ("10", "0.5", "-3"); at most 26 bytes. */
  quantity(value: number): void {
    if (value < 0) {
      this.byte(45);
      this.quantity(-value);
      return;
    }
    let units = Math.floor(value / QTY_ONE);
    let rest = value - units * QTY_ONE;
    if (rest < 0) {
      units -= 1;
      rest += QTY_ONE;
    }
    this.integer(units);
    if (rest === 0) return;
    this.byte(DOT);
    let digits = 6;
    while (rest % 10 === 0) {
      rest /= 10;
      digits--;
    }
    const buffer = this.buffer;
    for (let i = this.at + digits - 1; i >= this.at; i--) {
      const next = Math.floor(rest / 10);
      buffer[i] = ZERO + rest - next * 10;
      rest = next;
    }
    this.at += digits;
  }
}

/**
 * Writes `JSON.stringify(planMrp(model))`, byte for byte as UTF-8, in chunks of about 1 MB straight
 * from the engine's order and peg tables, without building the result objects, strings per number or
 * one big string: what the CLI prints. On a 50 000-item model the pegs run into millions. Validation
 * errors are thrown before anything is written. A chunk is only valid during the `write` call (the
 * buffer is reused): write it out or copy it.
 */
export function writeMrpJsonBytes(
  model: unknown,
  write: (chunk: Uint8Array) => void,
  options: Omit<MrpPlanOptions, 'records'> = {},
): void {
  writePlanJson(validateModel(model), write, options);
}

/** `writeMrpJsonBytes` for a validated model (the CLI lets the parsed JSON go before planning). */
export function writePlanJson(
  normalized: NormalizedModel,
  write: (chunk: Uint8Array) => void,
  options: Omit<MrpPlanOptions, 'records'> = {},
): void {
  writePlan(normalized, planNormalized(normalized, { onProgress: options.onProgress }), write);
}

/** The JSON of a plan already made. */
export function writePlan(normalized: NormalizedModel, plan: Plan, write: (chunk: Uint8Array) => void): void {
  const { orders, pegs, formatDay } = plan;
  const out = new ByteWriter(write);
  const ascii = (text: string) => encoder.encode(text);
  // Per demand label the start of its peg, `{"demand":"SO-1","qty":"`; per item its order's start.
  const pegHeads = normalized.demandLabels.map((label) =>
    ascii(`{"demand":${JSON.stringify(label)},"qty":"`),
  );
  const orderHeads = new Array<Uint8Array | undefined>(normalized.items.length);
  const dates = new Map<number, Uint8Array>();
  const date = (day: number): Uint8Array => {
    let bytes = dates.get(day);
    if (bytes === undefined) {
      bytes = ascii(formatDay(day));
      dates.set(day, bytes);
    }
    return bytes;
  };
  const release = ascii('","release":"');
  const due = ascii('","due":"');
  const pegsStart = ascii('","pegs":[');
  const empty = new Uint8Array(0);
  /** Room for one peg: the longest head, a comma, a quantity (≤ 26 bytes) and `"}`. */
  const pegRoom = pegHeads.reduce((longest, head) => Math.max(longest, head.length), 0) + 32;

  out.room(32);
  out.bytes(ascii('{"plannedOrders":['));
  for (let o = 0; o < orders.count; o++) {
    const itemIndex = orders.item[o] ?? 0;
    let head = orderHeads[itemIndex];
    if (head === undefined) {
      const item = normalized.items[itemIndex];
      head = ascii(`{"item":${JSON.stringify(item?.code ?? '')},"kind":"${item?.kind ?? 'make'}","qty":"`);
      orderHeads[itemIndex] = head;
    }
    const releaseDate = date(orders.release[o] ?? 0);
    const dueDate = date(orders.due[o] ?? 0);
    const first = orders.pegStart[o] ?? 0;
    const end = orders.pegEnd[o] ?? 0;
    // One check for the whole order (and its pegs) instead of one per write.
    out.room(head.length + releaseDate.length + dueDate.length + 96 + (end - first) * pegRoom);
    if (o > 0) out.byte(COMMA);
    out.bytes(head);
    out.quantity(orders.qty[o] ?? 0);
    out.bytes(release);
    out.bytes(releaseDate);
    out.bytes(due);
    out.bytes(dueDate);
    out.bytes(pegsStart);
    for (let k = first; k < end; k++) {
      const pegHead = pegHeads[pegs.label[k] ?? 0] ?? empty;
      if (k > first) out.byte(COMMA);
      out.bytes(pegHead);
      out.quantity(pegs.qty[k] ?? 0);
      out.byte(QUOTE);
      out.byte(125); // }
    }
    out.byte(93); // ]
    out.byte(125); // }
  }
  const tail = ascii(`],"exceptions":${JSON.stringify(plan.exceptions)}}`);
  out.room(tail.length);
  out.bytes(tail);
  out.flush();
}

/** The same as strings: each chunk ends on a whole JSON token, so it decodes on its own. */
export function writeMrpJson(
  model: unknown,
  write: (chunk: string) => void,
  options: Omit<MrpPlanOptions, 'records'> = {},
): void {
  const decoder = new TextDecoder();
  writeMrpJsonBytes(
    model,
    (chunk) => {
      write(decoder.decode(chunk));
    },
    options,
  );
}

/** `JSON.stringify(planMrp(model))` as one string, through `writeMrpJson`. */
export function planMrpJson(model: unknown, options: Omit<MrpPlanOptions, 'records'> = {}): string {
  const chunks: string[] = [];
  writeMrpJson(model, (chunk) => chunks.push(chunk), options);
  return chunks.join('');
}
