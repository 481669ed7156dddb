import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { NotFoundError, TenantDb, ValidationFailedError } from '@mes/platform';
import { Dec, newId, plainDecimal, type ApiErrorDetail, type RoutingView } from '@mes/shared';
import { ItemEntity } from '../item/item.entity';
import { ItemService } from '../item/item.service';
import { DuplicateCodeError } from '../shared/master-data.errors';
import { WorkCenterEntity } from '../work-center/work-center.entity';
import { WorkCenterService } from '../work-center/work-center.service';
import type {
  CreateRoutingDto,
  RoutingOperationDto,
  RoutingOperationsDto,
  RoutingQueryDto,
} from './routing.dto';
import { OperationAlternativeEntity } from './operation-alternative.entity';
import { RoutingOperationEntity } from './routing-operation.entity';
import { RoutingEntity } from './routing.entity';

const notFound = () => new NotFoundError('工艺路线 / routing');

/** Routings (工艺路线): ordered operations on work centers, with alternatives and their run times. */
@Injectable()
export class RoutingService {
  constructor(
    private readonly db: TenantDb,
    private readonly items: ItemService,
    private readonly workCenters: WorkCenterService,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async list(query: RoutingQueryDto): Promise<{ items: RoutingView[]; total: number }> {
    const qb = this.m.getRepository(RoutingEntity).createQueryBuilder('r');
    if (query.itemCode) {
      qb.innerJoin(ItemEntity, 'i', 'i.tenant_id = r.tenant_id AND i.id = r.item_id').andWhere(
        'i.code = :code',
        { code: query.itemCode },
      );
    }
    const [rows, total] = await qb
      .orderBy('r.created_at', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.toViews(rows), total };
  }

  async get(id: string): Promise<RoutingView> {
    const row = await this.m.findOneBy(RoutingEntity, { id });
    const [view] = row ? await this.toViews([row]) : [];
    if (!view) throw notFound();
    return view;
  }

  /** The item's default routing, or null: what work orders copy their operations from. */
  async defaultFor(itemCode: string): Promise<RoutingView | null> {
    const item = (await this.items.byCodes([itemCode])).get(itemCode);
    const row = item ? await this.m.findOneBy(RoutingEntity, { itemId: item.id, isDefault: true }) : null;
    return row ? ((await this.toViews([row]))[0] ?? null) : null;
  }

  async create(tenantId: string, dto: CreateRoutingDto): Promise<RoutingView> {
    const item = (await this.items.byCodes([dto.itemCode])).get(dto.itemCode);
    if (!item)
      throw new ValidationFailedError([{ field: 'itemCode', message: `unknown item ${dto.itemCode}` }]);
    const centers = await this.resolveOperations(dto.operations);
    await this.m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 8))`, [
      `${tenantId}:routing:${item.id}`,
    ]);
    const versions = await this.m.find(RoutingEntity, {
      where: { itemId: item.id },
      select: { version: true, isDefault: true },
    });
    const version =
      dto.version ??
      String(Math.max(0, ...versions.map((v) => Number(v.version)).filter(Number.isInteger)) + 1);
    if (versions.some((v) => v.version === version))
      throw new DuplicateCodeError('工艺路线版本', version, 'version');
    const hasDefault = versions.some((v) => v.isDefault);
    const isDefault = dto.isDefault === true || !hasDefault;
    if (isDefault && hasDefault)
      await this.m.update(RoutingEntity, { itemId: item.id, isDefault: true }, { isDefault: false });
    const now = new Date();
    const routing = this.m.create(RoutingEntity, {
      tenantId,
      id: newId(),
      itemId: item.id,
      version,
      isDefault,
      createdAt: now,
      updatedAt: now,
    });
    await this.m.insert(RoutingEntity, routing);
    await this.insertOperations(routing, dto.operations, centers);
    return this.get(routing.id);
  }

  async replaceOperations(id: string, dto: RoutingOperationsDto): Promise<RoutingView> {
    const routing = await this.m.findOne(RoutingEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!routing) throw notFound();
    const centers = await this.resolveOperations(dto.operations);
    if (dto.version !== undefined && dto.version !== routing.version) {
      if (await this.m.existsBy(RoutingEntity, { itemId: routing.itemId, version: dto.version })) {
        throw new DuplicateCodeError('工艺路线版本', dto.version, 'version');
      }
      routing.version = dto.version;
    }
    routing.updatedAt = new Date();
    await this.m.save(RoutingEntity, routing);
    await this.m.delete(RoutingOperationEntity, { routingId: id });
    await this.insertOperations(routing, dto.operations, centers);
    return this.get(id);
  }

  async setDefault(id: string): Promise<RoutingView> {
    const routing = await this.m.findOneBy(RoutingEntity, { id });
    if (!routing) throw notFound();
    await this.m.update(RoutingEntity, { itemId: routing.itemId, isDefault: true }, { isDefault: false });
    await this.m.update(RoutingEntity, { id }, { isDefault: true, updatedAt: new Date() });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const result = await this.m.delete(RoutingEntity, { id });
    if (!result.affected) throw notFound();
  }

  /** Work centers of every operation and alternative; 400 naming the field for unknown codes, repeats. */
  private async resolveOperations(operations: RoutingOperationDto[]): Promise<Map<string, WorkCenterEntity>> {
    const codes = operations.flatMap((o) => [
      o.workCenterCode,
      ...(o.alternatives ?? []).map((a) => a.workCenterCode),
    ]);
    const centers = await this.workCenters.byCodes(codes);
    const details: ApiErrorDetail[] = [];
    const seqs = new Set<number>();
    operations.forEach((op, i) => {
      if (seqs.has(op.seq))
        details.push({ field: `operations[${i}].seq`, message: `seq ${op.seq} appears twice` });
      seqs.add(op.seq);
      if (!centers.has(op.workCenterCode))
        details.push({
          field: `operations[${i}].workCenterCode`,
          message: `unknown work center ${op.workCenterCode}`,
        });
      const seen = new Set([op.workCenterCode]);
      (op.alternatives ?? []).forEach((alt, j) => {
        const field = `operations[${i}].alternatives[${j}].workCenterCode`;
        if (!centers.has(alt.workCenterCode))
          details.push({ field, message: `unknown work center ${alt.workCenterCode}` });
        else if (seen.has(alt.workCenterCode))
          details.push({ field, message: `${alt.workCenterCode} is already listed for this operation` });
        seen.add(alt.workCenterCode);
      });
    });
    if (details.length) throw new ValidationFailedError(details);
    return centers;
  }

  private async insertOperations(
    routing: RoutingEntity,
    operations: RoutingOperationDto[],
    centers: Map<string, WorkCenterEntity>,
  ): Promise<void> {
    const centerId = (code: string) => centers.get(code)?.id ?? '';
    for (const op of [...operations].sort((a, b) => a.seq - b.seq)) {
      const id = newId();
      await this.m.insert(RoutingOperationEntity, {
        tenantId: routing.tenantId,
        id,
        routingId: routing.id,
        seq: op.seq,
        name: op.name,
        workCenterId: centerId(op.workCenterCode),
        setupMinutes: new Dec(op.setupMinutes ?? '0'),
        runMinutes: new Dec(op.runMinutes),
        queueMinutes: new Dec(op.queueMinutes ?? '0'),
        moveMinutes: new Dec(op.moveMinutes ?? '0'),
        skill: op.skill?.trim() ?? '',
        inspectionPoint: op.inspectionPoint ?? false,
        spanBreaks: op.spanBreaks ?? true,
        sopUrl: op.sopUrl?.trim() ?? '',
      });
      if (op.alternatives?.length) {
        await this.m.insert(
          OperationAlternativeEntity,
          op.alternatives.map((alt) => ({
            tenantId: routing.tenantId,
            operationId: id,
            workCenterId: centerId(alt.workCenterCode),
            runMinutes: new Dec(alt.runMinutes),
          })),
        );
      }
    }
  }

  private async toViews(routings: RoutingEntity[]): Promise<RoutingView[]> {
    if (!routings.length) return [];
    const operations = await this.m.find(RoutingOperationEntity, {
      where: { routingId: In(routings.map((r) => r.id)) },
      order: { seq: 'ASC' },
    });
    const alternatives = operations.length
      ? await this.m.findBy(OperationAlternativeEntity, { operationId: In(operations.map((o) => o.id)) })
      : [];
    const items = await this.m.findBy(ItemEntity, { id: In(routings.map((r) => r.itemId)) });
    const centers = await this.m.find(WorkCenterEntity);
    const itemById = new Map(items.map((i) => [i.id, i]));
    const centerCode = new Map(centers.map((c) => [c.id, c.code]));
    return routings.map((r) => ({
      id: r.id,
      itemCode: itemById.get(r.itemId)?.code ?? '?',
      itemName: itemById.get(r.itemId)?.name ?? '?',
      version: r.version,
      isDefault: r.isDefault,
      operations: operations
        .filter((o) => o.routingId === r.id)
        .map((o) => ({
          seq: o.seq,
          name: o.name,
          workCenterCode: centerCode.get(o.workCenterId) ?? '?',
          setupMinutes: plainDecimal(o.setupMinutes),
          runMinutes: plainDecimal(o.runMinutes),
          queueMinutes: plainDecimal(o.queueMinutes),
          moveMinutes: plainDecimal(o.moveMinutes),
          skill: o.skill,
          inspectionPoint: o.inspectionPoint,
          spanBreaks: o.spanBreaks,
          sopUrl: o.sopUrl,
          alternatives: alternatives
            .filter((a) => a.operationId === o.id)
            .map((a) => ({
              workCenterCode: centerCode.get(a.workCenterId) ?? '?',
              runMinutes: plainDecimal(a.runMinutes),
            })),
        })),
      createdAt: r.createdAt.toISOString(),
    }));
  }
}
