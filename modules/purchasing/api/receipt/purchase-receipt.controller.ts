import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { PendingReceiptRow, PurchaseReceiptView } from '@mes/shared';
import { PURCHASING_MODULE_KEY, PurchasingPermission } from '../manifest';
import { PendingReceiptReader } from './pending-receipt.reader';
import { PendingReceiptQueryDto, ReceiptDto, ReceiptQueryDto } from './purchase-receipt.dto';
import { PurchaseReceiptReader } from './purchase-receipt.reader';
import { PurchaseReceiptService } from './purchase-receipt.service';

type TenantActorT = Actor & { tenantId: string };

@ApiTags('purchasing')
@ApiBearerAuth()
@RequiresModule(PURCHASING_MODULE_KEY)
@Controller('purchasing')
export class PurchaseReceiptController {
  constructor(
    private readonly receiving: PurchaseReceiptService,
    private readonly receipts: PurchaseReceiptReader,
    private readonly pending: PendingReceiptReader,
  ) {}

  /** 收货: posts a purchase receipt to stock (inspection items to QC-HOLD). */
  @RequirePermission(PurchasingPermission.RECEIVE)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key, one receipt' })
  @Post('orders/:id/receipts')
  receive(
    @TenantActor() actor: TenantActorT,
    @Param('id', ParseId) id: string,
    @Body() dto: ReceiptDto,
  ): Promise<PurchaseReceiptView> {
    return this.receiving.receive(actor.tenantId, actor.userId, id, dto);
  }

  /** 采购退货: takes received goods out of stock back to the supplier. */
  @RequirePermission(PurchasingPermission.RECEIVE)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key, one return' })
  @Post('orders/:id/returns')
  returnGoods(
    @TenantActor() actor: TenantActorT,
    @Param('id', ParseId) id: string,
    @Body() dto: ReceiptDto,
  ): Promise<PurchaseReceiptView> {
    return this.receiving.returnGoods(actor.tenantId, actor.userId, id, dto);
  }

  @RequirePermission(PurchasingPermission.READ)
  @Get('receipts')
  list(@Query() query: ReceiptQueryDto): Promise<{ items: PurchaseReceiptView[]; total: number }> {
    return this.receipts.list(query);
  }

  @RequirePermission(PurchasingPermission.READ)
  @Get('receipts/:id')
  get(@Param('id', ParseId) id: string): Promise<PurchaseReceiptView> {
    return this.receipts.get(id);
  }

  /** 待收货清单. */
  @RequirePermission(PurchasingPermission.READ)
  @Get('pending-receipts')
  pendingReceipts(
    @TenantActor() actor: TenantActorT,
    @Query() query: PendingReceiptQueryDto,
  ): Promise<{ items: PendingReceiptRow[]; total: number }> {
    return this.pending.list(actor.tenantId, query);
  }
}
