import { mrpWriteEndpoints } from './mrp.endpoints';
import { ordersWriteEndpoints } from './orders.endpoints';
import { productionExecutionWriteEndpoints } from './production-execution.endpoints';
import { purchasingWriteEndpoints } from './purchasing.endpoints';
import { schedulingWriteEndpoints } from './scheduling.endpoints';
import { warehousingWriteEndpoints } from './warehousing.endpoints';
import type { ModuleWriteEndpoints } from './write-endpoint';

export * from './write-endpoint';

/** Write routes of the scenario modules, one file per module (each module's author keeps its own). */
export const MODULE_WRITE_ENDPOINTS: ModuleWriteEndpoints[] = [
  warehousingWriteEndpoints,
  purchasingWriteEndpoints,
  ordersWriteEndpoints,
  mrpWriteEndpoints,
  productionExecutionWriteEndpoints,
  schedulingWriteEndpoints,
];
