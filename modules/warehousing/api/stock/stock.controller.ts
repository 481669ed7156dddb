import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequiresModule, RequirePermission } from '@mes/platform';
import type { AgeingReport, FifoPick, StockByItemRow, StockRow, StockStatisticsRow } from '@mes/shared';
import { WAREHOUSING_MODULE_KEY, WarehousingPermission } from '../manifest';
import {
  AgeingQueryDto,
  FifoQueryDto,
  StatisticsQueryDto,
  StockByItemQueryDto,
  StockQueryDto,
} from './stock-query.dto';
import { StockQueries } from './stock-query.service';

@ApiTags('warehousing')
@ApiBearerAuth()
@RequiresModule(WAREHOUSING_MODULE_KEY)
@RequirePermission(WarehousingPermission.READ)
@Controller('warehousing')
export class StockController {
  constructor(private readonly queries: StockQueries) {}

  /** 库存明细: by item / warehouse / location / lot (API-CONTRACT.md shape). */
  @Get('stock')
  stock(@Query() query: StockQueryDto): Promise<{ items: StockRow[]; total: number }> {
    return this.queries.stock(query);
  }

  /** 库存查询: one row per item. */
  @Get('stock/by-item')
  byItem(@Query() query: StockByItemQueryDto): Promise<{ items: StockByItemRow[]; total: number }> {
    return this.queries.byItem(query);
  }

  /** Which lots to take, oldest first. */
  @Get('fifo')
  fifo(@Query() query: FifoQueryDto): Promise<{ picks: FifoPick[]; shortage: string }> {
    return this.queries.fifo(query);
  }

  @Get('ageing')
  ageing(@Query() query: AgeingQueryDto): Promise<AgeingReport> {
    return this.queries.ageing(query);
  }

  @Get('statistics')
  statistics(@Query() query: StatisticsQueryDto): Promise<{ items: StockStatisticsRow[] }> {
    return this.queries.statistics(query);
  }
}
