import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { ReservationView } from '@mes/shared';
import { WAREHOUSING_MODULE_KEY, WarehousingPermission } from '../manifest';
import { CreateReservationDto, ReservationQueryDto } from './stock-reservation.dto';
import { StockReservations } from './stock-reservation.service';

@ApiTags('warehousing')
@ApiBearerAuth()
@RequiresModule(WAREHOUSING_MODULE_KEY)
@Controller('warehousing/reservations')
export class StockReservationController {
  constructor(private readonly reservations: StockReservations) {}

  @RequirePermission(WarehousingPermission.READ)
  @Get()
  list(@Query() query: ReservationQueryDto): Promise<{ items: ReservationView[]; total: number }> {
    return this.reservations.list(query);
  }

  @RequirePermission(WarehousingPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<ReservationView> {
    return this.reservations.get(id);
  }

  @RequirePermission(WarehousingPermission.WRITE)
  @Post()
  create(
    @TenantActor() actor: Actor & { tenantId: string },
    @Body() dto: CreateReservationDto,
  ): Promise<{ reserved: string; reservations: ReservationView[] }> {
    return this.reservations.reserve(actor.tenantId, actor.userId, dto);
  }

  @RequirePermission(WarehousingPermission.WRITE)
  @Post(':id/release')
  @HttpCode(200)
  release(@Param('id', ParseId) id: string): Promise<ReservationView> {
    return this.reservations.release(id);
  }
}
