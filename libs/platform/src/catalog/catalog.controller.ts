import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CatalogModule } from '@mes/shared';
import { RequirePermission } from '../auth/access.decorators';
import { Permission } from '../auth/permissions';
import { CatalogService } from './catalog.service';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @RequirePermission(Permission.CATALOG_READ)
  @Get('modules')
  modules(): { items: CatalogModule[] } {
    return { items: this.catalog.list() };
  }
}
