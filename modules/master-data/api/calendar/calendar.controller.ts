import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequirePermission, RequiresModule, TenantActor, type Actor } from '@mes/platform';
import type { CalendarView, WorkingTimeView } from '@mes/shared';
import { MASTER_DATA_KEY, MasterDataPermission } from '../manifest';
import { CreateCalendarDto, UpdateCalendarDto, WorkingTimeQueryDto } from './calendar.dto';
import { CalendarService } from './calendar.service';

@ApiTags('master-data')
@ApiBearerAuth()
@RequiresModule(MASTER_DATA_KEY)
@Controller('master-data/calendars')
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @RequirePermission(MasterDataPermission.READ)
  @Get()
  list(): Promise<{ items: CalendarView[] }> {
    return this.calendars.list();
  }

  @RequirePermission(MasterDataPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<CalendarView> {
    return this.calendars.get(id);
  }

  @RequirePermission(MasterDataPermission.READ)
  @Get(':id/working-time')
  workingTime(
    @Param('id', ParseId) id: string,
    @Query() query: WorkingTimeQueryDto,
  ): Promise<WorkingTimeView> {
    return this.calendars.workingTime(id, query.from, query.to);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Post()
  create(
    @TenantActor() actor: Actor & { tenantId: string },
    @Body() dto: CreateCalendarDto,
  ): Promise<CalendarView> {
    return this.calendars.create(actor.tenantId, dto);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Patch(':id')
  update(@Param('id', ParseId) id: string, @Body() dto: UpdateCalendarDto): Promise<CalendarView> {
    return this.calendars.update(id, dto);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseId) id: string): Promise<void> {
    await this.calendars.remove(id);
  }
}
