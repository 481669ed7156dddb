import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type {
  DispatchListView,
  GanttOperation,
  GanttView,
  MoveOperationResult,
  RushOrderResult,
  ScheduleComparison,
  ScheduleVersionView,
} from '@mes/shared';
import { LockOperationDto, MoveOperationDto } from '../adjust/schedule-adjust.dto';
import { ScheduleAdjuster } from '../adjust/schedule-adjuster.service';
import { SchedulePublisher } from '../dispatch/schedule-publisher.service';
import { MASTER_SCHEDULING_KEY, SHOP_SCHEDULING_KEY, SchedulingPermission } from '../manifest';
import { RushOrderDto } from '../what-if/rush-order.dto';
import { RushOrders } from '../what-if/rush-order.service';
import { CompareQueryDto, GanttQueryDto, VersionPageDto } from './schedule-version.dto';
import { ScheduleVersionReader } from './schedule-version.reader';

@ApiTags('scheduling')
@ApiBearerAuth()
@RequiresModule(MASTER_SCHEDULING_KEY, SHOP_SCHEDULING_KEY)
@Controller('scheduling')
export class ScheduleVersionController {
  constructor(
    private readonly reader: ScheduleVersionReader,
    private readonly adjuster: ScheduleAdjuster,
    private readonly publisher: SchedulePublisher,
    private readonly rush: RushOrders,
  ) {}

  @RequirePermission(SchedulingPermission.READ)
  @Get('versions')
  list(@Query() q: VersionPageDto): Promise<{ items: ScheduleVersionView[]; total: number }> {
    return this.reader.list(q.page, q.pageSize);
  }

  /** The published version, else the newest (what the Gantt opens on); null when there is none. */
  @RequirePermission(SchedulingPermission.READ)
  @Get('versions/current')
  async current(): Promise<{ version: ScheduleVersionView | null }> {
    return { version: await this.reader.current() };
  }

  @RequirePermission(SchedulingPermission.READ)
  @Get('versions/compare')
  compare(@Query() q: CompareQueryDto): Promise<ScheduleComparison> {
    return this.reader.compare(q.ids);
  }

  @RequirePermission(SchedulingPermission.READ)
  @Get('versions/:id')
  get(@Param('id', ParseId) id: string): Promise<ScheduleVersionView> {
    return this.reader.get(id);
  }

  @RequirePermission(SchedulingPermission.READ)
  @Get('versions/:id/gantt')
  gantt(@Param('id', ParseId) id: string, @Query() q: GanttQueryDto): Promise<GanttView> {
    return this.reader.gantt(id, q);
  }

  /** Moves an operation (time and/or resource); what depends on it is pushed; 409 OPERATION_LOCKED. */
  @RequirePermission(SchedulingPermission.ADJUST)
  @Post('versions/:id/operations/:operationId/move')
  @HttpCode(200)
  move(
    @TenantActor() actor: Actor & { tenantId: string },
    @Param('id', ParseId) id: string,
    @Param('operationId', ParseId) operationId: string,
    @Body() dto: MoveOperationDto,
  ): Promise<MoveOperationResult> {
    return this.adjuster.move(actor.tenantId, id, operationId, dto);
  }

  @RequirePermission(SchedulingPermission.ADJUST)
  @Post('versions/:id/operations/:operationId/lock')
  @HttpCode(200)
  lock(
    @Param('id', ParseId) id: string,
    @Param('operationId', ParseId) operationId: string,
    @Body() dto: LockOperationDto,
  ): Promise<Pick<GanttOperation, 'id' | 'locked'>> {
    return this.adjuster.lock(id, operationId, dto.locked);
  }

  @RequirePermission(SchedulingPermission.PUBLISH)
  @Post('versions/:id/publish')
  @HttpCode(200)
  publish(@Param('id', ParseId) id: string): Promise<ScheduleVersionView> {
    return this.publisher.publish(id);
  }

  /** 插单: which orders a rush order would make late, before anything is published. */
  @RequirePermission(SchedulingPermission.ADJUST)
  @Post('versions/:id/what-if')
  @HttpCode(200)
  whatIf(
    @TenantActor() actor: Actor & { tenantId: string },
    @Param('id', ParseId) id: string,
    @Body() dto: RushOrderDto,
  ): Promise<RushOrderResult> {
    return this.rush.whatIf(actor.tenantId, id, dto);
  }

  /** A work center's dispatch list (派工单) from the published version. */
  @RequirePermission(SchedulingPermission.READ)
  @Get('dispatch-lists/:workCenterCode')
  dispatchList(@Param('workCenterCode') workCenterCode: string): Promise<DispatchListView> {
    return this.publisher.dispatchList(workCenterCode);
  }
}
