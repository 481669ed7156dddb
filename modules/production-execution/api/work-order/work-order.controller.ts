import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type {
  KitCheckResult,
  ReleaseWorkOrderResult,
  SplitWorkOrderResult,
  WorkOrderEventView,
  WorkOrderPage,
  WorkOrderSummary,
  WorkOrderView,
} from '@mes/shared';
import { KitCheck } from '../kit/kit-check.service';
import { PRODUCTION_EXECUTION_MODULE_KEY, ProductionExecutionPermission } from '../manifest';
import {
  CreateWorkOrderDto,
  PauseWorkOrderDto,
  ReleaseWorkOrderDto,
  SplitWorkOrderDto,
  UpdateWorkOrderDto,
  WorkOrderQueryDto,
} from './work-order.dto';
import { WorkOrderReader } from './work-order.reader';
import { WorkOrderService } from './work-order.service';

type TenantActorT = Actor & { tenantId: string };
const P = ProductionExecutionPermission;
const KEY_HEADER = { name: 'Idempotency-Key', required: false, description: 'same key, one change' };

@ApiTags('production-execution')
@ApiBearerAuth()
@RequiresModule(PRODUCTION_EXECUTION_MODULE_KEY)
@Controller('production-execution/work-orders')
export class WorkOrderController {
  constructor(
    private readonly workOrders: WorkOrderService,
    private readonly reader: WorkOrderReader,
    private readonly kit: KitCheck,
  ) {}

  @RequirePermission(P.READ)
  @Get()
  list(@Query() query: WorkOrderQueryDto): Promise<WorkOrderPage<WorkOrderSummary>> {
    return this.workOrders.list(query);
  }

  @RequirePermission(P.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<WorkOrderView> {
    return this.workOrders.get(id);
  }

  @RequirePermission(P.READ)
  @Get(':id/events')
  events(@Param('id', ParseId) id: string): Promise<WorkOrderEventView[]> {
    return this.reader.events(id);
  }

  /** 齐套检查 (read only). */
  @RequirePermission(P.READ)
  @Get(':id/kit-check')
  kitCheck(@Param('id', ParseId) id: string): Promise<KitCheckResult> {
    return this.kit.check(id);
  }

  /** A planned work order with the operations of the item's default routing (one default operation without). */
  @RequirePermission(P.WRITE)
  @ApiHeader(KEY_HEADER)
  @Post()
  create(@TenantActor() actor: TenantActorT, @Body() dto: CreateWorkOrderDto): Promise<WorkOrderView> {
    return this.workOrders.create(actor, dto);
  }

  /** Takes over an open work-order request of the orders module. */
  @RequirePermission(P.WRITE)
  @ApiHeader(KEY_HEADER)
  @Post('from-request/:requestId')
  fromRequest(
    @TenantActor() actor: TenantActorT,
    @Param('requestId', ParseId) requestId: string,
  ): Promise<WorkOrderView> {
    return this.workOrders.createFromRequest(actor, requestId);
  }

  /** Planned work orders only (409 INVALID_STATUS after release). */
  @RequirePermission(P.WRITE)
  @ApiHeader(KEY_HEADER)
  @Put(':id')
  update(
    @TenantActor() actor: TenantActorT,
    @Param('id', ParseId) id: string,
    @Body() dto: UpdateWorkOrderDto,
  ): Promise<WorkOrderView> {
    return this.workOrders.update(actor, id, dto);
  }

  /** 下达: 409 KIT_SHORTAGE listing the short components unless `force`. */
  @RequirePermission(P.WRITE)
  @ApiHeader(KEY_HEADER)
  @Post(':id/release')
  @HttpCode(200)
  release(
    @TenantActor() actor: TenantActorT,
    @Param('id', ParseId) id: string,
    @Body() dto: ReleaseWorkOrderDto,
  ): Promise<ReleaseWorkOrderResult> {
    return this.workOrders.release(actor, id, dto);
  }

  /** 上线: released → in progress. */
  @RequirePermission(P.REPORT)
  @ApiHeader(KEY_HEADER)
  @Post(':id/start')
  @HttpCode(200)
  start(@TenantActor() actor: TenantActorT, @Param('id', ParseId) id: string): Promise<WorkOrderView> {
    return this.workOrders.start(actor, id);
  }

  /** 暂停, with a reason. */
  @RequirePermission(P.REPORT)
  @ApiHeader(KEY_HEADER)
  @Post(':id/pause')
  @HttpCode(200)
  pause(
    @TenantActor() actor: TenantActorT,
    @Param('id', ParseId) id: string,
    @Body() dto: PauseWorkOrderDto,
  ): Promise<WorkOrderView> {
    return this.workOrders.pause(actor, id, dto);
  }

  /** 恢复. */
  @RequirePermission(P.REPORT)
  @ApiHeader(KEY_HEADER)
  @Post(':id/resume')
  @HttpCode(200)
  resume(@TenantActor() actor: TenantActorT, @Param('id', ParseId) id: string): Promise<WorkOrderView> {
    return this.workOrders.resume(actor, id);
  }

  /** 完工 early (in progress → completed). */
  @RequirePermission(P.WRITE)
  @ApiHeader(KEY_HEADER)
  @Post(':id/complete')
  @HttpCode(200)
  complete(@TenantActor() actor: TenantActorT, @Param('id', ParseId) id: string): Promise<WorkOrderView> {
    return this.workOrders.complete(actor, id);
  }

  /** 关闭: completed → closed, leftover reservations released. */
  @RequirePermission(P.WRITE)
  @ApiHeader(KEY_HEADER)
  @Post(':id/close')
  @HttpCode(200)
  close(@TenantActor() actor: TenantActorT, @Param('id', ParseId) id: string): Promise<WorkOrderView> {
    return this.workOrders.close(actor, id);
  }

  @RequirePermission(P.WRITE)
  @ApiHeader(KEY_HEADER)
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@TenantActor() actor: TenantActorT, @Param('id', ParseId) id: string): Promise<WorkOrderView> {
    return this.workOrders.cancel(actor, id);
  }

  /** 派生: a new work order takes `qty` of what is not yet reported. */
  @RequirePermission(P.WRITE)
  @ApiHeader(KEY_HEADER)
  @Post(':id/split')
  split(
    @TenantActor() actor: TenantActorT,
    @Param('id', ParseId) id: string,
    @Body() dto: SplitWorkOrderDto,
  ): Promise<SplitWorkOrderResult> {
    return this.workOrders.split(actor, id, dto);
  }
}
