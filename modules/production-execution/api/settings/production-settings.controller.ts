import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { ProductionSettingsView } from '@mes/shared';
import { PRODUCTION_EXECUTION_MODULE_KEY, ProductionExecutionPermission } from '../manifest';
import { ProductionSettingsDto } from './production-settings.dto';
import { ProductionSettings } from './production-settings.service';

@ApiTags('production-execution')
@ApiBearerAuth()
@RequiresModule(PRODUCTION_EXECUTION_MODULE_KEY)
@Controller('production-execution/settings')
export class ProductionSettingsController {
  constructor(private readonly settings: ProductionSettings) {}

  @RequirePermission(ProductionExecutionPermission.READ)
  @Get()
  get(): Promise<ProductionSettingsView> {
    return this.settings.get();
  }

  /** 报工超报容差 (percent). */
  @RequirePermission(ProductionExecutionPermission.WRITE)
  @Put()
  update(
    @TenantActor() actor: Actor & { tenantId: string },
    @Body() dto: ProductionSettingsDto,
  ): Promise<ProductionSettingsView> {
    return this.settings.update(actor.tenantId, dto);
  }
}
