import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  type Type,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequirePermission, RequiresModule, TenantActor, type Actor } from '@mes/platform';
import type { PartnerView } from '@mes/shared';
import { MASTER_DATA_KEY, MasterDataPermission } from '../manifest';
import { SearchPageQueryDto } from '../shared/page-query.dto';
import { CreatePartnerDto, UpdatePartnerDto } from './partner.dto';
import type { PartnerKind } from './partner.entity';
import { PartnerService } from './partner.service';

/** `/master-data/customers` and `/master-data/suppliers`: the same endpoints over one kind each. */
function partnerController(kind: PartnerKind, path: string): Type {
  @ApiTags('master-data')
  @ApiBearerAuth()
  @RequiresModule(MASTER_DATA_KEY)
  @Controller(`master-data/${path}`)
  class PartnerController {
    constructor(readonly partners: PartnerService) {}

    @RequirePermission(MasterDataPermission.READ)
    @Get()
    list(@Query() query: SearchPageQueryDto): Promise<{ items: PartnerView[]; total: number }> {
      return this.partners.list(kind, query);
    }

    @RequirePermission(MasterDataPermission.READ)
    @Get(':id')
    get(@Param('id', ParseId) id: string): Promise<PartnerView> {
      return this.partners.get(kind, id);
    }

    @RequirePermission(MasterDataPermission.WRITE)
    @Post()
    create(
      @TenantActor() actor: Actor & { tenantId: string },
      @Body() dto: CreatePartnerDto,
    ): Promise<PartnerView> {
      return this.partners.create(kind, actor.tenantId, dto);
    }

    @RequirePermission(MasterDataPermission.WRITE)
    @Patch(':id')
    update(@Param('id', ParseId) id: string, @Body() dto: UpdatePartnerDto): Promise<PartnerView> {
      return this.partners.update(kind, id, dto);
    }

    @RequirePermission(MasterDataPermission.WRITE)
    @Delete(':id')
    @HttpCode(204)
    async remove(@Param('id', ParseId) id: string): Promise<void> {
      await this.partners.remove(kind, id);
    }
  }
  Object.defineProperty(PartnerController, 'name', {
    value: `${kind === 'customer' ? 'Customer' : 'Supplier'}Controller`,
  });
  return PartnerController;
}

export const CustomerController = partnerController('customer', 'customers');
export const SupplierController = partnerController('supplier', 'suppliers');
