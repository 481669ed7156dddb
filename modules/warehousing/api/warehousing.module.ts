import { Module } from '@nestjs/common';
import { MasterDataModule } from '@mes/master-data-api';
import { PostingResolver } from './ledger/posting-resolver';
import { StockLedger } from './ledger/stock-ledger.service';
import { StockMovementController } from './ledger/stock-movement.controller';
import { StockReservationController } from './reservation/stock-reservation.controller';
import { StockReservations } from './reservation/stock-reservation.service';
import { StockController } from './stock/stock.controller';
import { StockQueries } from './stock/stock-query.service';
import { StocktakeController } from './stocktake/stocktake.controller';
import { StocktakeService } from './stocktake/stocktake.service';
import { WarehousingDemoSeeder } from './demo/warehousing-demo.seeder';

@Module({
  imports: [MasterDataModule],
  controllers: [StockMovementController, StockController, StockReservationController, StocktakeController],
  providers: [
    PostingResolver,
    StockLedger,
    StockReservations,
    StockQueries,
    StocktakeService,
    WarehousingDemoSeeder,
  ],
  exports: [StockLedger, StockReservations, StockQueries],
})
export class WarehousingModule {}
