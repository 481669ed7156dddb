import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MrpResultWithRecords } from '@mes/mrp-engine';
import { TenantDb } from '@mes/platform';
import { Dec, newId, plainDecimal } from '@mes/shared';
import type { DemandMeta } from '../model/mrp-model-builder.service';

/** Rows per INSERT … SELECT FROM unnest(…): one round trip each, parameters as arrays. */
const CHUNK = 20_000;

export interface StoredCounts {
  plannedOrders: number;
  pegs: number;
  exceptions: number;
  /** Milliseconds per step. */
  timings: Record<string, number>;
}

/**
 * Writes a run's plan in the caller's transaction, replacing the previous one: the pegs, demands,
 * exceptions and records of every earlier run go, planned orders of all but the plan being replaced
 * go (those are kept so firming one of them answers 409 instead of 404), the new rows go in by
 * chunked array inserts. Nothing is visible to readers until the transaction commits, and a crash
 * before that leaves the previous plan exactly as it was.
 */
@Injectable()
export class MrpPlanStore {
  constructor(private readonly db: TenantDb) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async replace(
    tenantId: string,
    runId: string,
    previousRunId: string | null,
    result: MrpResultWithRecords,
    demands: DemandMeta[],
  ): Promise<StoredCounts> {
    const timings: Record<string, number> = {};
    let t0 = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      timings[name] = Math.round(now - t0);
      t0 = now;
    };
    await this.m.query(`DELETE FROM mrp_pegs`);
    await this.m.query(`DELETE FROM mrp_demands`);
    await this.m.query(`DELETE FROM mrp_exceptions`);
    await this.m.query(`DELETE FROM mrp_records`);
    await this.m.query(`DELETE FROM mrp_planned_orders WHERE run_id IS DISTINCT FROM $1::uuid`, [
      previousRunId,
    ]);

    lap('delete');
    const order = { id: [] as string[], seq: [] as number[], item: [] as string[], kind: [] as string[] };
    const orderQty = {
      qty: [] as string[],
      pegged: [] as string[],
      release: [] as string[],
      due: [] as string[],
    };
    const peg = { order: [] as string[], seq: [] as number[], ref: [] as string[], qty: [] as string[] };
    result.plannedOrders.forEach((p, i) => {
      const id = newId();
      order.id.push(id);
      order.seq.push(i + 1);
      order.item.push(p.item);
      order.kind.push(p.kind);
      orderQty.qty.push(p.qty);
      orderQty.release.push(p.release);
      orderQty.due.push(p.due);
      let pegged = new Dec(0);
      p.pegs.forEach((g, j) => {
        peg.order.push(id);
        peg.seq.push(j + 1);
        peg.ref.push(g.demand);
        peg.qty.push(g.qty);
        pegged = pegged.plus(g.qty);
      });
      orderQty.pegged.push(plainDecimal(pegged));
    });
    for (let i = 0; i < order.id.length; i += CHUNK) {
      const s = (a: unknown[]) => a.slice(i, i + CHUNK);
      await this.m.query(
        `INSERT INTO mrp_planned_orders (tenant_id, id, run_id, seq, item_code, kind, qty, pegged_qty, release_date, due_date)
         SELECT $1, u.id, $2, u.seq, u.item, u.kind, u.qty, u.pegged, u.release, u.due
           FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[], $7::numeric[], $8::numeric[], $9::date[], $10::date[])
             AS u(id, seq, item, kind, qty, pegged, release, due)`,
        [
          tenantId,
          runId,
          s(order.id),
          s(order.seq),
          s(order.item),
          s(order.kind),
          s(orderQty.qty),
          s(orderQty.pegged),
          s(orderQty.release),
          s(orderQty.due),
        ],
      );
    }
    lap('orders');
    for (let i = 0; i < peg.order.length; i += CHUNK) {
      const s = (a: unknown[]) => a.slice(i, i + CHUNK);
      await this.m.query(
        `INSERT INTO mrp_pegs (tenant_id, planned_order_id, seq, run_id, demand_ref, qty)
         SELECT $1, u.o, u.seq, $2, u.ref, u.qty FROM unnest($3::uuid[], $4::int[], $5::text[], $6::numeric[]) AS u(o, seq, ref, qty)`,
        [tenantId, runId, s(peg.order), s(peg.seq), s(peg.ref), s(peg.qty)],
      );
    }
    lap('pegs');
    for (let i = 0; i < demands.length; i += CHUNK) {
      const d = demands.slice(i, i + CHUNK);
      await this.m.query(
        `INSERT INTO mrp_demands (tenant_id, run_id, ref, source, item_code, qty, due_date, order_id, order_no, line_no,
           customer_code, customer_name, forecast_id)
         SELECT $1, $2, u.* FROM unnest($3::text[], $4::text[], $5::text[], $6::numeric[], $7::date[], $8::uuid[],
           $9::text[], $10::int[], $11::text[], $12::text[], $13::uuid[]) AS u`,
        [
          tenantId,
          runId,
          d.map((x) => x.ref),
          d.map((x) => x.source),
          d.map((x) => x.itemCode),
          d.map((x) => x.qty),
          d.map((x) => x.due),
          d.map((x) => x.orderId),
          d.map((x) => x.orderNo),
          d.map((x) => x.lineNo),
          d.map((x) => x.customerCode),
          d.map((x) => x.customerName),
          d.map((x) => x.forecastId),
        ],
      );
    }
    const ex = result.exceptions;
    for (let i = 0; i < ex.length; i += CHUNK) {
      const e = ex.slice(i, i + CHUNK);
      await this.m.query(
        `INSERT INTO mrp_exceptions (tenant_id, run_id, seq, type, item_code, ref, date, needed_on, message)
         SELECT $1, $2, u.* FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[], $9::text[]) AS u`,
        [
          tenantId,
          runId,
          e.map((_, j) => i + j + 1),
          e.map((x) => x.type),
          e.map((x) => x.item),
          e.map((x) => x.ref ?? null),
          e.map((x) => x.date ?? null),
          e.map((x) => x.neededOn ?? null),
          e.map((x) => x.message),
        ],
      );
    }
    lap('demands+exceptions');
    const recs = result.records;
    const RECORD_CHUNK = 2_000;
    for (let i = 0; i < recs.length; i += RECORD_CHUNK) {
      const r = recs.slice(i, i + RECORD_CHUNK);
      await this.m.query(
        `INSERT INTO mrp_records (tenant_id, run_id, item_code, kind, low_level_code, lead_time_days, safety_stock,
           on_hand, allocated, available, buckets)
         SELECT $1, $2, u.item, u.kind, u.llc, u.lt, u.ss, u.oh, u.al, u.av, u.b::json
           FROM unnest($3::text[], $4::text[], $5::int[], $6::int[], $7::numeric[], $8::numeric[], $9::numeric[],
             $10::numeric[], $11::text[]) AS u(item, kind, llc, lt, ss, oh, al, av, b)`,
        [
          tenantId,
          runId,
          r.map((x) => x.item),
          r.map((x) => x.kind),
          r.map((x) => x.lowLevelCode),
          r.map((x) => x.leadTimeDays),
          r.map((x) => x.safetyStock),
          r.map((x) => x.onHand),
          r.map((x) => x.allocated),
          r.map((x) => x.available),
          r.map((x) =>
            JSON.stringify(
              x.buckets.map((b) => [
                b.date,
                b.gross,
                b.scheduledReceipts,
                b.projectedBalance,
                b.netRequirement,
                b.plannedReceipts,
                b.plannedReleases,
              ]),
            ),
          ),
        ],
      );
    }
    lap('records');
    return { plannedOrders: order.id.length, pegs: peg.order.length, exceptions: ex.length, timings };
  }
}
