import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DocumentNumbers } from '@mes/platform';
import type { PlantProblem, PlantSchedule, ScheduledOperation } from '@mes/scheduling-engine';
import { newId, type ScheduleKpis } from '@mes/shared';
import type { BuiltProblem, JobInfo, ResourceInfo } from '../problem/plant-problem.builder';
import { MaterialCauses } from './material-causes.service';
import { summariseSchedule, type ScheduleSummary } from './schedule-summary';

export interface NewVersion {
  tenantId: string;
  userId: string | null;
  runId: string | null;
  name: string;
  strategy: string;
  built: BuiltProblem;
  schedule: PlantSchedule;
}

/** What a version stores beside its rows, enough to re-validate a move later. */
export interface StoredProblem {
  problem: PlantProblem;
  resources: ResourceInfo[];
  jobs: Omit<JobInfo, 'operations'>[];
  horizonDays: number;
}

export function summaryJobs(jobs: readonly JobInfo[]) {
  return jobs.map((j) => ({
    dueMinutes: j.dueMinutes,
    releaseMinutes: j.releaseMinutes,
    workCenterCodes: j.operations.map((o) => o.workCenterCode),
    fedBy: j.fedBy,
  }));
}

/** Writes a schedule version: the version row with KPIs, the problem, one row per work order and per operation. */
@Injectable()
export class ScheduleVersionStore {
  constructor(
    private readonly numbers: DocumentNumbers,
    private readonly materials: MaterialCauses,
  ) {}

  async save(m: EntityManager, input: NewVersion): Promise<{ id: string; no: string; kpis: ScheduleKpis }> {
    const { built, schedule } = input;
    const summary = summariseSchedule(
      built.axis,
      summaryJobs(built.jobs),
      built.resources,
      schedule.operations,
    );
    await this.materials.apply(
      built.jobs.map((j) => j.workOrderId),
      summary,
      built.jobs.map((j) => j.fedBy?.map((f) => f.itemCode)),
    );
    const id = newId();
    const no = await this.numbers.next(input.tenantId, 'PC');
    await m.query(
      `INSERT INTO sch_versions (tenant_id, id, no, name, status, run_id, strategy, rule, horizon_start, kpis,
         stopped_by, iterations, created_by)
       VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        input.tenantId,
        id,
        no,
        input.name,
        input.runId,
        input.strategy,
        schedule.rule,
        built.axis.start,
        JSON.stringify(summary.kpis),
        schedule.stoppedBy,
        schedule.iterations,
        input.userId,
      ],
    );
    const stored: StoredProblem = {
      problem: built.problem,
      resources: built.resources,
      jobs: built.jobs.map(({ operations: _operations, ...job }) => job),
      horizonDays: built.horizonDays,
    };
    await m.query(
      `INSERT INTO sch_version_problems (tenant_id, version_id, problem, meta) VALUES ($1, $2, $3, $4)`,
      [
        input.tenantId,
        id,
        JSON.stringify(stored.problem),
        JSON.stringify({ resources: stored.resources, jobs: stored.jobs, horizonDays: stored.horizonDays }),
      ],
    );
    await this.writeOrders(m, input.tenantId, id, built, summary);
    await this.writeOperations(m, input.tenantId, id, built, schedule.operations);
    return { id, no, kpis: summary.kpis };
  }

  async writeOrders(
    m: EntityManager,
    tenantId: string,
    versionId: string,
    built: Pick<BuiltProblem, 'axis' | 'jobs'>,
    summary: ScheduleSummary,
  ): Promise<void> {
    const { axis, jobs } = built;
    const cols = {
      job: [] as number[],
      wo: [] as string[],
      no: [] as string[],
      item: [] as string[],
      name: [] as string[],
      qty: [] as string[],
      priority: [] as number[],
      due: [] as (string | null)[],
      dueAt: [] as (string | null)[],
      start: [] as string[],
      end: [] as string[],
      late: [] as number[],
      cause: [] as (string | null)[],
    };
    jobs.forEach((j, i) => {
      const o = summary.orders[i];
      if (!o) return;
      cols.job.push(i);
      cols.wo.push(j.workOrderId);
      cols.no.push(j.workOrderNo);
      cols.item.push(j.itemCode);
      cols.name.push(j.itemName);
      cols.qty.push(j.qty);
      cols.priority.push(j.priority);
      cols.due.push(j.dueDate);
      cols.dueAt.push(j.dueMinutes === null ? null : axis.iso(j.dueMinutes));
      cols.start.push(axis.iso(o.start));
      cols.end.push(axis.iso(o.end));
      cols.late.push(o.latenessMinutes);
      cols.cause.push(o.lateCause ? JSON.stringify(o.lateCause) : null);
    });
    await m.query(
      `INSERT INTO sch_version_orders (tenant_id, version_id, job, work_order_id, work_order_no, item_code, item_name,
         qty, priority, due_date, due_at, start_at, end_at, lateness_minutes, late_cause)
       SELECT $1, $2, u.* FROM unnest($3::int[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::numeric[],
         $9::int[], $10::date[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[], $14::int[], $15::jsonb[]) AS u`,
      [tenantId, versionId, ...Object.values(cols)],
    );
  }

  private async writeOperations(
    m: EntityManager,
    tenantId: string,
    versionId: string,
    built: BuiltProblem,
    operations: readonly (readonly ScheduledOperation[])[],
  ): Promise<void> {
    const { axis, jobs, resources, problem } = built;
    const rows: unknown[][] = [[], [], [], [], [], [], [], [], [], [], [], [], [], [], [], []];
    const push = (...values: unknown[]) => {
      values.forEach((v, i) => rows[i]?.push(v));
    };
    operations.forEach((ops, j) => {
      const job = jobs[j];
      if (!job) return;
      ops.forEach((op, i) => {
        const info = job.operations[i];
        const resource = resources[op.resource];
        if (!info || !resource) return;
        const fixed = problem.jobs[j]?.operations[i]?.fixed;
        push(
          newId(),
          j,
          i,
          job.workOrderId,
          info.seq,
          info.name,
          op.resource,
          resource.code,
          resource.workCenterCode,
          info.qty,
          axis.iso(op.setupStart),
          axis.iso(op.start),
          axis.iso(op.end),
          op.setup,
          fixed !== undefined && !info.started,
          info.started,
        );
      });
    });
    // In slices: a 12 000-operation schedule in a handful of statements.
    const SLICE = 5000;
    const total = rows[0]?.length ?? 0;
    for (let from = 0; from < total; from += SLICE) {
      await m.query(
        `INSERT INTO sch_version_operations (tenant_id, version_id, id, job, op_index, work_order_id, seq, name,
           resource, resource_code, work_center_code, qty, setup_start, start_at, end_at, setup_minutes, locked, started)
         SELECT $1, $2, u.* FROM unnest($3::uuid[], $4::int[], $5::int[], $6::uuid[], $7::int[], $8::text[], $9::int[],
           $10::text[], $11::text[], $12::numeric[], $13::timestamptz[], $14::timestamptz[], $15::timestamptz[],
           $16::int[], $17::bool[], $18::bool[]) AS u`,
        [tenantId, versionId, ...rows.map((c) => c.slice(from, from + SLICE))],
      );
    }
  }
}
