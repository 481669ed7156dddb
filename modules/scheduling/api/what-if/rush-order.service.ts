import { Injectable } from '@nestjs/common';
import { TenantDb, ValidationFailedError } from '@mes/platform';
import { MasterDataLookup } from '@mes/master-data-api';
import { schedulePlant, ShopModelError, type PlantProblem } from '@mes/scheduling-engine';
import { Dec, newId, plainDecimal, type RushOrderResult, type SchedulableWorkOrder } from '@mes/shared';
import { PlantProblemBuilder, withoutJob, type BuiltProblem } from '../problem/plant-problem.builder';
import { summariseSchedule } from '../version/schedule-summary';
import { ScheduleVersionReader } from '../version/schedule-version.reader';
import { summaryJobs } from '../version/schedule-version.store';
import type { RushOrderDto } from './rush-order.dto';

/**
 * 插单 what-if: the open work orders keep the order they have in the version (their start there
 * becomes their priority) and the rush order goes first; the same constructive pass with and without
 * it shows which orders become late and by how much. Nothing is stored.
 */
@Injectable()
export class RushOrders {
  constructor(
    private readonly db: TenantDb,
    private readonly reader: ScheduleVersionReader,
    private readonly builder: PlantProblemBuilder,
    private readonly lookup: MasterDataLookup,
  ) {}

  async whatIf(tenantId: string, versionId: string, dto: RushOrderDto): Promise<RushOrderResult> {
    await this.reader.row(versionId);
    const item = (await this.lookup.itemsByCode([dto.itemCode])).get(dto.itemCode);
    if (!item)
      throw new ValidationFailedError([{ field: 'itemCode', message: `unknown item ${dto.itemCode}` }]);
    if (item.makeOrBuy !== 'make')
      throw new ValidationFailedError([{ field: 'itemCode', message: 'is a bought item' }]);
    const routing = await this.lookup.defaultRouting(item.id);
    if (!routing?.length)
      throw new ValidationFailedError([{ field: 'itemCode', message: 'has no routing to schedule' }]);
    const rushId = newId();
    const rush: SchedulableWorkOrder = {
      id: rushId,
      no: '插单 / rush',
      itemId: item.id,
      itemCode: item.code,
      itemName: item.name,
      qty: plainDecimal(new Dec(dto.qty)),
      status: 'planned',
      dueDate: dto.dueDate,
      releaseDate: null,
      priority: 0,
      parentId: null,
      createdAt: new Date().toISOString(),
      operations: routing.map((step) => ({
        seq: step.seq,
        name: step.name,
        workCenterId: step.workCenterId,
        workCenterCode: step.workCenterCode,
        setupMinutes: step.setupMinutes,
        runMinutes: step.runMinutes,
        queueMinutes: step.queueMinutes,
        moveMinutes: step.moveMinutes,
        remainingQty: plainDecimal(new Dec(dto.qty)),
        status: 'pending',
        startedAt: null,
        alternatives: step.alternatives,
        spanBreaks: step.spanBreaks,
      })),
    };
    const orders = await this.reader.orders(versionId);
    const rank = new Map(
      [...orders]
        .sort((a, b) => a.start_at.getTime() - b.start_at.getTime())
        .map((o, i) => [o.work_order_id, i]),
    );
    const m = this.db.manager;
    const stored = await this.reader.stored(versionId);
    const options = { horizonDays: stored.horizonDays, extraJobs: [rush] };
    const withRush = await this.builder.build(m, tenantId, options);
    const rushJob = withRush.jobs.findIndex((j) => j.workOrderId === rushId);
    if (rushJob < 0)
      throw new ValidationFailedError([
        { field: 'itemCode', message: 'has no operation on an active work center' },
      ]);
    const prioritised = (built: BuiltProblem): PlantProblem => ({
      ...built.problem,
      jobs: built.problem.jobs.map((job, j) => {
        const id = built.jobs[j]?.workOrderId;
        const priority = id === rushId ? 1 : -(rank.get(id ?? '') ?? orders.length);
        return { ...job, priority };
      }),
    });
    // Pegged again without the rush order: the sub-assemblies it took go back to the other orders.
    const without = withoutJob(withRush, rushJob);
    const run = (built: BuiltProblem) => {
      try {
        const schedule = schedulePlant(prioritised(built), { rule: 'PRIORITY', timeLimitMs: 0 });
        return summariseSchedule(built.axis, summaryJobs(built.jobs), built.resources, schedule.operations);
      } catch (error) {
        if (error instanceof ShopModelError) throw new ValidationFailedError(error.details);
        throw error;
      }
    };
    const before = run(without);
    const after = run(withRush);
    const rushOutcome = after.orders[rushJob];
    const affected: RushOrderResult['affected'] = [];
    without.jobs.forEach((job, j) => {
      const b = before.orders[j]?.latenessMinutes ?? 0;
      const a = after.orders[j < rushJob ? j : j + 1]?.latenessMinutes ?? 0;
      if (a > b) {
        affected.push({
          workOrderId: job.workOrderId,
          workOrderNo: job.workOrderNo,
          dueDate: job.dueDate,
          latenessBefore: b,
          latenessAfter: a,
        });
      }
    });
    affected.sort((x, y) => y.latenessAfter - y.latenessBefore - (x.latenessAfter - x.latenessBefore));
    return {
      rush: {
        itemCode: item.code,
        qty: rush.qty,
        dueDate: dto.dueDate,
        start: withRush.axis.iso(rushOutcome?.start ?? 0),
        end: withRush.axis.iso(rushOutcome?.end ?? 0),
        latenessMinutes: rushOutcome?.latenessMinutes ?? 0,
      },
      before: before.kpis,
      after: after.kpis,
      affected,
    };
  }
}
