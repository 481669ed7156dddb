import { Injectable } from '@nestjs/common';
import { NotFoundError, TenantDb, ValidationFailedError } from '@mes/platform';
import {
  CalendarError,
  compileCalendar,
  newId,
  parseCalendarDefinition,
  workingMinutesBetween,
  workingWindows,
  type CalendarDefinition,
  type CalendarView,
  type WorkingTimeView,
} from '@mes/shared';
import { DuplicateCodeError, InUseError } from '../shared/master-data.errors';
import type { CreateCalendarDto, UpdateCalendarDto } from './calendar.dto';
import { CalendarEntity } from './calendar.entity';

const notFound = () => new NotFoundError('工作日历 / calendar');
/** A Monday far from any exception, to measure the plain weekly pattern. */
const REFERENCE_WEEK = [new Date('2001-01-01T00:00:00Z'), new Date('2001-01-08T00:00:00Z')] as const;
const MAX_QUERY_DAYS = 400;

/** A definition checked by the calendar library; its complaints become 400s naming `definition.<path>`. */
export function validDefinition(input: unknown): CalendarDefinition {
  try {
    const definition = parseCalendarDefinition(input);
    compileCalendar(definition);
    return definition;
  } catch (error) {
    if (error instanceof CalendarError) {
      throw new ValidationFailedError([
        { field: error.field ? `definition.${error.field}` : 'definition', message: error.message },
      ]);
    }
    throw error;
  }
}

/** Shift calendars (工作日历) of work centers: weekly shifts, holidays, 调休 workdays, overtime. */
@Injectable()
export class CalendarService {
  constructor(private readonly db: TenantDb) {}

  private toView(c: CalendarEntity): CalendarView {
    const compiled = compileCalendar({ ...c.definition, exceptions: [] });
    return {
      id: c.id,
      code: c.code,
      name: c.name,
      definition: c.definition,
      weeklyMinutes: workingMinutesBetween(compiled, ...REFERENCE_WEEK),
      createdAt: c.createdAt.toISOString(),
    };
  }

  async list(): Promise<{ items: CalendarView[] }> {
    const rows = await this.db.manager.find(CalendarEntity, { order: { code: 'ASC' } });
    return { items: rows.map((r) => this.toView(r)) };
  }

  async get(id: string): Promise<CalendarView> {
    return this.toView(await this.find(id));
  }

  async create(tenantId: string, dto: CreateCalendarDto): Promise<CalendarView> {
    if (await this.db.manager.existsBy(CalendarEntity, { code: dto.code }))
      throw new DuplicateCodeError('工作日历', dto.code);
    const now = new Date();
    const row = this.db.manager.create(CalendarEntity, {
      tenantId,
      id: newId(),
      code: dto.code,
      name: dto.name,
      definition: validDefinition(dto.definition),
      createdAt: now,
      updatedAt: now,
    });
    await this.db.manager.insert(CalendarEntity, row);
    return this.toView(row);
  }

  async update(id: string, dto: UpdateCalendarDto): Promise<CalendarView> {
    const row = await this.find(id);
    if (
      dto.code !== undefined &&
      dto.code !== row.code &&
      (await this.db.manager.existsBy(CalendarEntity, { code: dto.code }))
    ) {
      throw new DuplicateCodeError('工作日历', dto.code);
    }
    if (dto.code !== undefined) row.code = dto.code;
    if (dto.name !== undefined) row.name = dto.name;
    if (dto.definition !== undefined) row.definition = validDefinition(dto.definition);
    row.updatedAt = new Date();
    await this.db.manager.save(CalendarEntity, row);
    return this.toView(row);
  }

  async remove(id: string): Promise<void> {
    await this.find(id);
    const [use] = await this.db.manager.query<{ used: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM md_work_centers WHERE calendar_id = $1) AS used`,
      [id],
    );
    if (use?.used) throw new InUseError('工作日历', '工作中心');
    await this.db.manager.delete(CalendarEntity, { id });
  }

  /** Working minutes and windows in [from, to): what the scheduler and the Gantt's shading use. */
  async workingTime(id: string, from: string, to: string): Promise<WorkingTimeView> {
    const calendar = compileCalendar((await this.find(id)).definition);
    const start = new Date(from);
    const end = new Date(to);
    if (end <= start) throw new ValidationFailedError([{ field: 'to', message: 'must be after from' }]);
    if (end.getTime() - start.getTime() > MAX_QUERY_DAYS * 86_400_000) {
      throw new ValidationFailedError([
        { field: 'to', message: `at most ${MAX_QUERY_DAYS} days after from` },
      ]);
    }
    return {
      from: start.toISOString(),
      to: end.toISOString(),
      minutes: workingMinutesBetween(calendar, start, end),
      windows: workingWindows(calendar, start, end).map((w) => ({
        start: w.start.toISOString(),
        end: w.end.toISOString(),
        ...(w.name ? { name: w.name } : {}),
      })),
    };
  }

  private async find(id: string): Promise<CalendarEntity> {
    const row = await this.db.manager.findOneBy(CalendarEntity, { id });
    if (!row) throw notFound();
    return row;
  }
}
