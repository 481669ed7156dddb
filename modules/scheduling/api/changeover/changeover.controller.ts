import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { ChangeoverSettings } from '@mes/shared';
import { MASTER_SCHEDULING_KEY, SHOP_SCHEDULING_KEY, SchedulingPermission } from '../manifest';
import { ChangeoverSettingsDto } from './changeover.dto';
import { Changeovers } from './changeover.service';

@ApiTags('scheduling')
@ApiBearerAuth()
@RequiresModule(MASTER_SCHEDULING_KEY, SHOP_SCHEDULING_KEY)
@Controller('scheduling/changeovers')
export class ChangeoverController {
  constructor(private readonly changeovers: Changeovers) {}

  @RequirePermission(SchedulingPermission.READ)
  @Get()
  get(): Promise<ChangeoverSettings> {
    return this.changeovers.get();
  }

  /** Replaces the item families and the changeover minutes between them. */
  @RequirePermission(SchedulingPermission.RUN)
  @Put()
  replace(
    @TenantActor() actor: Actor & { tenantId: string },
    @Body() dto: ChangeoverSettingsDto,
  ): Promise<ChangeoverSettings> {
    return this.changeovers.replace(actor.tenantId, dto);
  }
}
