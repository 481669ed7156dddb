import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { NotFoundError, TenantDb, ValidationFailedError } from '@mes/platform';
import { Dec, newId, plainDecimal, type WorkCenterView } from '@mes/shared';
import { CalendarEntity } from '../calendar/calendar.entity';
import { DuplicateCodeError, InUseError } from '../shared/master-data.errors';
import type { CreateWorkCenterDto, UpdateWorkCenterDto } from './work-center.dto';
import { WorkCenterEntity } from './work-center.entity';

const notFound = () => new NotFoundError('工作中心 / work center');

/** Work centers and resources (machines, lines, crews) with capacity, efficiency and a shift calendar. */
@Injectable()
export class WorkCenterService {
  constructor(private readonly db: TenantDb) {}

  async list(): Promise<{ items: WorkCenterView[]; total: number }> {
    const rows = await this.db.manager.find(WorkCenterEntity, { order: { code: 'ASC' } });
    return { items: await this.toViews(rows), total: rows.length };
  }

  async get(id: string): Promise<WorkCenterView> {
    const row = await this.db.manager.findOneBy(WorkCenterEntity, { id });
    const [view] = row ? await this.toViews([row]) : [];
    if (!view) throw notFound();
    return view;
  }

  /** Work centers by code, for routings and imports. */
  async byCodes(codes: string[]): Promise<Map<string, WorkCenterEntity>> {
    if (!codes.length) return new Map();
    const rows = await this.db.manager.findBy(WorkCenterEntity, { code: In([...new Set(codes)]) });
    return new Map(rows.map((r) => [r.code, r]));
  }

  async create(tenantId: string, dto: CreateWorkCenterDto): Promise<WorkCenterView> {
    if (await this.db.manager.existsBy(WorkCenterEntity, { code: dto.code }))
      throw new DuplicateCodeError('工作中心', dto.code);
    const now = new Date();
    const row = this.db.manager.create(WorkCenterEntity, {
      tenantId,
      id: newId(),
      code: dto.code,
      name: dto.name,
      kind: dto.kind ?? 'machine',
      parallelCapacity: dto.parallelCapacity ?? 1,
      efficiency: new Dec(dto.efficiency ?? '1'),
      calendarId: await this.resolveCalendar(dto.calendarCode),
      status: dto.status ?? 'active',
      createdAt: now,
      updatedAt: now,
    });
    await this.db.manager.insert(WorkCenterEntity, row);
    return this.get(row.id);
  }

  async update(id: string, dto: UpdateWorkCenterDto): Promise<WorkCenterView> {
    const row = await this.db.manager.findOneBy(WorkCenterEntity, { id });
    if (!row) throw notFound();
    if (
      dto.code !== undefined &&
      dto.code !== row.code &&
      (await this.db.manager.existsBy(WorkCenterEntity, { code: dto.code }))
    ) {
      throw new DuplicateCodeError('工作中心', dto.code);
    }
    if (dto.code !== undefined) row.code = dto.code;
    if (dto.name !== undefined) row.name = dto.name;
    if (dto.kind !== undefined) row.kind = dto.kind;
    if (dto.parallelCapacity !== undefined) row.parallelCapacity = dto.parallelCapacity;
    if (dto.efficiency !== undefined) row.efficiency = new Dec(dto.efficiency);
    if (dto.calendarCode !== undefined) row.calendarId = await this.resolveCalendar(dto.calendarCode);
    if (dto.status !== undefined) row.status = dto.status;
    row.updatedAt = new Date();
    await this.db.manager.save(WorkCenterEntity, row);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.db.manager.existsBy(WorkCenterEntity, { id }))) throw notFound();
    const [use] = await this.db.manager.query<{ used: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM md_routing_operations WHERE work_center_id = $1)
           OR EXISTS (SELECT 1 FROM md_operation_alternatives WHERE work_center_id = $1) AS used`,
      [id],
    );
    if (use?.used) throw new InUseError('工作中心', '工艺路线');
    await this.db.manager.delete(WorkCenterEntity, { id });
  }

  private async resolveCalendar(code: string | null | undefined): Promise<string | null> {
    if (!code) return null;
    const calendar = await this.db.manager.findOneBy(CalendarEntity, { code });
    if (!calendar)
      throw new ValidationFailedError([{ field: 'calendarCode', message: `unknown calendar ${code}` }]);
    return calendar.id;
  }

  private async toViews(rows: WorkCenterEntity[]): Promise<WorkCenterView[]> {
    const calendarIds = rows.flatMap((r) => (r.calendarId ? [r.calendarId] : []));
    const calendars = calendarIds.length
      ? await this.db.manager.findBy(CalendarEntity, { id: In(calendarIds) })
      : [];
    const calendarCode = new Map(calendars.map((c) => [c.id, c.code]));
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      parallelCapacity: r.parallelCapacity,
      efficiency: plainDecimal(r.efficiency),
      calendarCode: r.calendarId ? (calendarCode.get(r.calendarId) ?? null) : null,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}
