import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { MovementDocView, MovementView } from '@mes/shared';
import { WAREHOUSING_MODULE_KEY, WarehousingPermission } from '../manifest';
import { StockQueries } from '../stock/stock-query.service';
import { MovementQueryDto } from '../stock/stock-query.dto';
import { CreateMovementBatchDto, CreateMovementDto } from './stock-movement.dto';
import { StockLedger } from './stock-ledger.service';

type TenantActorT = Actor & { tenantId: string };

@ApiTags('warehousing')
@ApiBearerAuth()
@RequiresModule(WAREHOUSING_MODULE_KEY)
@Controller('warehousing')
export class StockMovementController {
  constructor(
    private readonly ledger: StockLedger,
    private readonly queries: StockQueries,
  ) {}

  /** One movement (API-CONTRACT.md); a transfer answers with its out row (the document holds both). */
  @RequirePermission(WarehousingPermission.WRITE)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'scanners retry: same key, one movement',
  })
  @Post('movements')
  async create(
    @TenantActor() actor: TenantActorT,
    @Body() dto: CreateMovementDto,
  ): Promise<MovementView & { docNo: string; movements: MovementView[] }> {
    const { type, ref, note, ...line } = dto;
    const doc = await this.ledger.post(actor.tenantId, actor.userId, {
      type,
      ref: ref ?? null,
      note: note ?? null,
      lines: [{ ...line, field: '' }],
    });
    const [first] = doc.movements;
    if (!first) throw new Error('a posted document has at least one movement');
    return { ...first, docNo: doc.docNo, movements: doc.movements };
  }

  /** Several lines as one document: batch manual receiving (无码收货), scanned receipts, issues. */
  @RequirePermission(WarehousingPermission.WRITE)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @Post('documents')
  createDocument(
    @TenantActor() actor: TenantActorT,
    @Body() dto: CreateMovementBatchDto,
  ): Promise<MovementDocView> {
    return this.ledger.post(actor.tenantId, actor.userId, {
      type: dto.type,
      ref: dto.ref ?? null,
      note: dto.note ?? null,
      lines: dto.lines.map((l, i) => ({
        itemCode: l.itemCode,
        warehouseCode: dto.warehouseCode,
        locationCode: l.locationCode ?? null,
        lot: l.lot ?? null,
        qty: l.qty,
        toWarehouseCode: l.toWarehouseCode ?? null,
        toLocationCode: l.toLocationCode ?? null,
        field: `lines[${i}]`,
      })),
    });
  }

  @RequirePermission(WarehousingPermission.READ)
  @Get('movements')
  list(@Query() query: MovementQueryDto): Promise<{ items: MovementView[]; total: number }> {
    return this.queries.movements(query);
  }

  @RequirePermission(WarehousingPermission.READ)
  @Get('documents/:docNo')
  document(@Param('docNo') docNo: string): Promise<MovementDocView> {
    return this.queries.document(docNo.slice(0, 24));
  }
}
