import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup } from '@mes/master-data-api';
import { OpenWorkOrderSupply, SchedulableWorkOrders } from '@mes/production-execution-api';
import type { PlantJob, PlantOperation, PlantProblem, PlantResource } from '@mes/scheduling-engine';
import { Dec, plainDecimal, type SchedulableOperation, type SchedulableWorkOrder } from '@mes/shared';
import { StockQueries } from '@mes/warehousing-api';
import { TimeAxis } from './time-axis';
import {
  peggedComponentItems,
  workOrderLinks,
  type PeggingBomLine,
  type PeggingJob,
} from './work-order-links';

/** One schedulable unit: a work center, or one of its parallel units (`WC#2`). */
export interface ResourceInfo {
  code: string;
  workCenterCode: string;
  name: string;
  /** Working windows in minutes; null = always available. */
  windows: [number, number][] | null;
}

export interface OperationInfo {
  seq: number;
  name: string;
  qty: string;
  workCenterCode: string;
  started: boolean;
}

export interface JobInfo {
  workOrderId: string;
  workOrderNo: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  qty: string;
  priority: number;
  dueDate: string | null;
  /** End of the due day in minutes on the axis (may be negative: already past due). */
  dueMinutes: number | null;
  releaseMinutes: number;
  operations: OperationInfo[];
  /** The work orders feeding it (pegged through the BOM): each must end before it starts. */
  fedBy?: FeedInfo[];
}

/** A child work order pegged to a parent: its job, number, item and the quantity pegged. */
export interface FeedInfo {
  job: number;
  workOrderNo: string;
  itemCode: string;
  qty: string;
}

export interface BuiltProblem {
  axis: TimeAxis;
  horizonDays: number;
  problem: PlantProblem;
  resources: ResourceInfo[];
  jobs: JobInfo[];
  /**
   * What the links were pegged from: every open work order, scheduled or not (with what it still
   * needs of each component), the BOM lines and the free stock of the components that could be linked.
   */
  pegging: { jobs: PeggingJob[]; bomLines: PeggingBomLine[]; stock: ReadonlyMap<string, string> };
}

export interface BuildOptions {
  horizonDays: number;
  workCenterCodes?: string[] | null;
  /** Operations locked in the published version: kept at their resource and start. */
  locks?: { workOrderId: string; seq: number; resourceCode: string; start: Date }[];
  /** A rush order (插单) to add as the last job. */
  extraJobs?: SchedulableWorkOrder[];
  now?: Date;
}

const MAX_MINUTES = 2 ** 30;

/** Minutes of an operation of `qty` on a work center: fixed setup + run per unit × qty / efficiency, rounded up. */
export function operationMinutes(setup: string, runPerUnit: string, qty: string, efficiency: string): number {
  const minutes = new Dec(setup).plus(new Dec(runPerUnit).times(qty).dividedBy(efficiency)).ceil().toNumber();
  return Math.min(minutes, MAX_MINUTES);
}

/**
 * The engine problem from the tenant's open work orders (through production-execution's exported
 * service), work centers with their calendars (parallel units become resources of their own),
 * alternatives, the changeover families and matrices, release and due dates, started operations
 * (frozen where they run) and the planner's locks. The links between work orders are pegged net of
 * stock: free stock from warehousing's exported queries, each work order's remaining component needs
 * from production-execution's (the same figures MRP uses).
 */
@Injectable()
export class PlantProblemBuilder {
  constructor(
    private readonly workOrders: SchedulableWorkOrders,
    private readonly lookup: MasterDataLookup,
    private readonly supply: OpenWorkOrderSupply,
    private readonly stockQueries: StockQueries,
  ) {}

  async build(m: EntityManager, tenantId: string, options: BuildOptions): Promise<BuiltProblem> {
    const axis = TimeAxis.fromNow(options.now);
    const orders = await this.workOrders.open();
    const workCenters = await this.workOrders.workCenters();
    const all = [...orders, ...(options.extraJobs ?? [])];
    const filter = options.workCenterCodes?.length ? new Set(options.workCenterCodes) : null;

    // Resources: every active work center, one per parallel unit.
    const resources: ResourceInfo[] = [];
    const unitsOf = new Map<string, number[]>();
    const efficiencyOf = new Map<string, string>();
    for (const wc of workCenters) {
      if (wc.status !== 'active') continue;
      const windows = wc.calendar ? axis.windows(wc.calendar.definition, options.horizonDays) : null;
      const units: number[] = [];
      const count = Math.max(1, wc.parallelCapacity);
      for (let u = 1; u <= count; u++) {
        units.push(resources.length);
        resources.push({
          code: count === 1 ? wc.code : `${wc.code}#${u}`,
          workCenterCode: wc.code,
          name: count === 1 ? wc.name : `${wc.name} #${u}`,
          windows,
        });
      }
      unitsOf.set(wc.code, units);
      efficiencyOf.set(wc.code, wc.efficiency);
    }
    const resourceIndex = new Map(resources.map((r, i) => [r.code, i]));

    // Changeover families and matrices.
    const families = await this.families(
      m,
      all.map((o) => o.itemId),
    );
    const familyIndex = new Map<string, number>();
    const indexOf = (family: string): number => {
      let i = familyIndex.get(family);
      if (i === undefined) {
        i = familyIndex.size;
        familyIndex.set(family, i);
      }
      return i;
    };
    for (const family of families.values()) indexOf(family);
    const changeovers = await m.query<
      { work_center_code: string | null; from_family: string; to_family: string; minutes: number }[]
    >(`SELECT work_center_code, from_family, to_family, minutes FROM sch_changeovers`);
    for (const c of changeovers) {
      indexOf(c.from_family);
      indexOf(c.to_family);
    }

    const dueAt = await this.localMidnights(
      m,
      tenantId,
      all.flatMap((o) => [o.dueDate, o.releaseDate]).filter((d): d is string => d !== null),
    );
    const lockOf = new Map((options.locks ?? []).map((l) => [`${l.workOrderId}:${l.seq}`, l]));

    const jobs: JobInfo[] = [];
    const plantJobs: PlantJob[] = [];
    const pegging: PeggingJob[] = [];
    for (const order of all) {
      const last = order.operations.reduce<SchedulableOperation | undefined>(
        (l, op) => (l === undefined || op.seq > l.seq ? op : l),
        undefined,
      );
      const peg: PeggingJob = {
        index: null,
        no: order.no,
        itemCode: order.itemCode,
        qty: order.qty,
        supplyQty: last ? last.remainingQty : order.qty,
        dueDate: order.dueDate,
        priority: order.priority,
      };
      pegging.push(peg);
      const operations: PlantOperation[] = [];
      const infos: OperationInfo[] = [];
      let lag = 0;
      // A started operation is frozen where it runs only when nothing before it is still to be done
      // (otherwise its predecessors' remaining work still flows into it and it follows them).
      let openBefore = false;
      for (const op of order.operations) {
        if (op.status === 'done' || new Dec(op.remainingQty).lte(0)) continue;
        if (filter && !filter.has(op.workCenterCode)) continue;
        const built = this.operation(op, unitsOf, efficiencyOf, lag);
        lag = Number(op.moveMinutes);
        if (!built) continue;
        const { operation } = built;
        const started = op.status === 'in_progress';
        const home = unitsOf.get(op.workCenterCode)?.[0];
        if (started && !openBefore && home !== undefined) {
          operation.fixed = { resource: home, start: firstWorking(resources[home]?.windows ?? null) };
        } else {
          const lock = lockOf.get(`${order.id}:${op.seq}`);
          const r = lock ? resourceIndex.get(lock.resourceCode) : undefined;
          const start = lock ? axis.minutes(lock.start) : -1;
          if (r !== undefined && start >= 0 && operation.options.some((o) => o.resource === r)) {
            operation.fixed = { resource: r, start };
          }
        }
        openBefore = true;
        operations.push(operation);
        infos.push({
          seq: op.seq,
          name: op.name,
          qty: op.remainingQty,
          workCenterCode: op.workCenterCode,
          started,
        });
      }
      if (operations.length === 0) continue;
      const due = order.dueDate ? (dueAt.get(order.dueDate) ?? null) : null;
      const dueMinutes = due === null ? null : axis.minutes(addDay(due));
      const release = order.releaseDate ? (dueAt.get(order.releaseDate) ?? null) : null;
      const releaseMinutes = release === null ? 0 : Math.max(0, axis.minutes(release));
      const family = families.get(order.itemId);
      const job: PlantJob = {
        operations,
        release: releaseMinutes,
        priority: order.priority,
        weight: 1 + Math.max(0, order.priority),
        ...(dueMinutes === null ? {} : { due: Math.max(0, dueMinutes) }),
        ...(family === undefined ? {} : { family: familyIndex.get(family) ?? 0 }),
      };
      peg.index = plantJobs.length;
      peg.fixedStart = operations[0]?.fixed !== undefined;
      plantJobs.push(job);
      jobs.push({
        workOrderId: order.id,
        workOrderNo: order.no,
        itemId: order.itemId,
        itemCode: order.itemCode,
        itemName: order.itemName,
        qty: order.qty,
        priority: order.priority,
        dueDate: order.dueDate,
        dueMinutes,
        releaseMinutes,
        operations: infos,
      });
    }

    const plantResources: PlantResource[] = resources.map((r) => {
      const resource: PlantResource = {};
      if (r.windows) resource.windows = r.windows;
      const matrix = setupMatrix(r.workCenterCode, familyIndex, changeovers);
      if (matrix) resource.setup = matrix;
      return resource;
    });
    const bomLines = pegging.length > 1 ? await this.bomLines(m, tenantId, axis) : [];
    // The first `orders.length` pegging jobs are the stored work orders (the rush order comes after).
    const stock = await this.netting(pegging.slice(0, orders.length), pegging, bomLines);
    return withLinks({
      axis,
      horizonDays: options.horizonDays,
      problem: { resources: plantResources, jobs: plantJobs },
      resources,
      jobs,
      pegging: { jobs: pegging, bomLines, stock },
    });
  }

  /**
   * Only when some component could carry a link: each stored work order's remaining needs (required −
   * issued − reserved for it, set on its pegging job; a job without them keeps the BOM rule) and the
   * free stock (on hand − reserved) of those components, in one query.
   */
  private async netting(
    stored: PeggingJob[],
    pegging: PeggingJob[],
    bomLines: PeggingBomLine[],
  ): Promise<Map<string, string>> {
    const items = peggedComponentItems(pegging, bomLines);
    if (items.length === 0) return new Map();
    const open = new Map((await this.supply.list()).map((line) => [line.no, line]));
    for (const peg of stored) {
      const line = open.get(peg.no);
      if (line) peg.needs = new Map(line.components.map((c) => [c.itemCode, c.qty]));
    }
    const free = await this.stockQueries.availableByItem(items);
    return new Map([...free].map(([code, qty]) => [code, plainDecimal(qty)]));
  }

  /** The default BOM lines in effect today (tenant time zone). */
  private async bomLines(m: EntityManager, tenantId: string, axis: TimeAxis): Promise<PeggingBomLine[]> {
    const [row] = await m.query<{ d: string }[]>(
      `SELECT to_char($1::timestamptz AT TIME ZONE coalesce(
          (SELECT time_zone FROM platform.tenants WHERE id = $2), 'Asia/Shanghai'), 'YYYY-MM-DD') AS d`,
      [axis.start, tenantId],
    );
    return this.lookup.defaultBomLines(row?.d ?? axis.start.toISOString().slice(0, 10));
  }

  private operation(
    op: SchedulableOperation,
    unitsOf: Map<string, number[]>,
    efficiencyOf: Map<string, string>,
    lagFromPrevious: number,
  ): { operation: PlantOperation } | null {
    const options: PlantOperation['options'][number][] = [];
    const add = (workCenterCode: string, runMinutes: string) => {
      const units = unitsOf.get(workCenterCode);
      const efficiency = efficiencyOf.get(workCenterCode);
      if (!units || efficiency === undefined) return;
      const duration = operationMinutes(op.setupMinutes, runMinutes, op.remainingQty, efficiency);
      for (const resource of units) options.push({ resource, duration });
    };
    add(op.workCenterCode, op.runMinutes);
    for (const alt of op.alternatives) add(alt.workCenterCode, alt.runMinutes);
    if (options.length === 0) return null;
    return {
      operation: {
        options,
        ...(op.spanBreaks ? {} : { spanBreaks: false }),
        lagBefore: Math.min(MAX_MINUTES, Math.ceil(lagFromPrevious + Number(op.queueMinutes))),
      },
    };
  }

  private async families(m: EntityManager, itemIds: string[]): Promise<Map<string, string>> {
    if (itemIds.length === 0) return new Map();
    const rows = await m.query<{ item_id: string; family: string }[]>(
      `SELECT item_id, family FROM sch_item_families WHERE item_id = ANY($1::uuid[])`,
      [[...new Set(itemIds)]],
    );
    return new Map(rows.map((r) => [r.item_id, r.family]));
  }

  /** Local midnight (tenant time zone) of each date, as an instant. */
  private async localMidnights(
    m: EntityManager,
    tenantId: string,
    dates: string[],
  ): Promise<Map<string, Date>> {
    if (dates.length === 0) return new Map();
    const rows = await m.query<{ d: string; at: Date }[]>(
      `SELECT d, (d::date::timestamp AT TIME ZONE coalesce(
          (SELECT time_zone FROM platform.tenants WHERE id = $2), 'Asia/Shanghai')) AS at
         FROM unnest($1::text[]) AS d`,
      [[...new Set(dates)], tenantId],
    );
    return new Map(rows.map((r) => [r.d, new Date(r.at)]));
  }
}

/**
 * The problem with its links derived from the pegging (work-order-links.ts): a child work order ends
 * before the parent it feeds starts; each parent's `fedBy` names its feeders.
 */
function withLinks(built: BuiltProblem): BuiltProblem {
  const links = workOrderLinks(built.pegging.jobs, built.pegging.bomLines, built.pegging.stock);
  const jobs: JobInfo[] = built.jobs.map(({ fedBy: _fedBy, ...job }) => job);
  for (const link of links) {
    const parent = jobs[link.after];
    const child = jobs[link.before];
    if (!parent || !child) continue;
    (parent.fedBy ??= []).push({
      job: link.before,
      workOrderNo: child.workOrderNo,
      itemCode: child.itemCode,
      qty: link.qty,
    });
  }
  const problem: PlantProblem = { resources: built.problem.resources, jobs: built.problem.jobs };
  if (links.length > 0) problem.links = links.map(({ before, after }) => ({ before, after }));
  return { ...built, problem, jobs };
}

/**
 * The problem without job `j` (the what-if's rush order): the other jobs renumbered and the links
 * pegged again without it, so the supply it took goes back to the other work orders.
 */
export function withoutJob(built: BuiltProblem, j: number): BuiltProblem {
  return withLinks({
    ...built,
    problem: { ...built.problem, jobs: built.problem.jobs.filter((_, k) => k !== j) },
    jobs: built.jobs.filter((_, k) => k !== j),
    pegging: {
      ...built.pegging,
      jobs: built.pegging.jobs
        .filter((p) => p.index !== j)
        .map((p) => (p.index !== null && p.index > j ? { ...p, index: p.index - 1 } : p)),
    },
  });
}

function addDay(instant: Date): Date {
  return new Date(instant.getTime() + 86_400_000);
}

function firstWorking(windows: [number, number][] | null): number {
  return windows?.[0]?.[0] ?? 0;
}

function setupMatrix(
  workCenterCode: string,
  familyIndex: Map<string, number>,
  changeovers: { work_center_code: string | null; from_family: string; to_family: string; minutes: number }[],
): number[][] | null {
  const rows = changeovers.filter(
    (c) => c.work_center_code === null || c.work_center_code === workCenterCode,
  );
  if (rows.length === 0) return null;
  const n = familyIndex.size;
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  // General rows first, then this work center's own, which win.
  for (const c of [...rows].sort(
    (a, b) => Number(a.work_center_code !== null) - Number(b.work_center_code !== null),
  )) {
    const from = familyIndex.get(c.from_family);
    const to = familyIndex.get(c.to_family);
    const row = from === undefined ? undefined : matrix[from];
    if (row && to !== undefined) row[to] = c.minutes;
  }
  return matrix;
}
