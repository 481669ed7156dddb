import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { TenantView } from '@mes/shared';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permissions';
import type { Actor } from '../database/request-context';
import { ParseId } from '../http/id-param.pipe';
import { CreateTenantDto, PageQueryDto } from './tenant.dto';
import { TenantsService } from './tenants.service';

@ApiTags('platform')
@ApiBearerAuth()
@Controller('platform/tenants')
export class PlatformTenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @RequirePermission(Permission.PLATFORM_TENANTS_WRITE)
  @Post()
  create(@Body() dto: CreateTenantDto, @CurrentActor() actor: Actor): Promise<TenantView> {
    return this.tenants.create(dto, actor.userId);
  }

  @RequirePermission(Permission.PLATFORM_TENANTS_READ)
  @Get()
  list(@Query() query: PageQueryDto): Promise<{ items: TenantView[]; total: number }> {
    return this.tenants.list(query.page, query.pageSize);
  }

  @RequirePermission(Permission.PLATFORM_TENANTS_READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<TenantView> {
    return this.tenants.get(id);
  }

  @RequirePermission(Permission.PLATFORM_TENANTS_WRITE)
  @Post(':id/suspend')
  @HttpCode(200)
  suspend(@Param('id', ParseId) id: string): Promise<TenantView> {
    return this.tenants.setStatus(id, 'suspended');
  }

  @RequirePermission(Permission.PLATFORM_TENANTS_WRITE)
  @Post(':id/resume')
  @HttpCode(200)
  resume(@Param('id', ParseId) id: string): Promise<TenantView> {
    return this.tenants.setStatus(id, 'active');
  }
}
