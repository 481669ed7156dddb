import type { ModuleDefinition } from '@mes/platform';
import { masterDataModule } from '@mes/master-data-api';
import { productionKnowledgeModule } from '@mes/production-knowledge-api';
import { warehousingModule } from '@mes/warehousing-api';
import { purchasingModule } from '@mes/purchasing-api';
import { ordersModule } from '@mes/orders-api';
import { mrpModule } from '@mes/mrp-api';
import { productionExecutionModule } from '@mes/production-execution-api';
import { masterSchedulingModule, shopSchedulingModule } from '@mes/scheduling-api';

/** Every scenario module implemented in this release. All are always loaded; access is per subscription. */
export const MODULES: ModuleDefinition[] = [
  masterDataModule,
  productionKnowledgeModule,
  warehousingModule,
  purchasingModule,
  ordersModule,
  mrpModule,
  productionExecutionModule,
  masterSchedulingModule,
  shopSchedulingModule,
];
