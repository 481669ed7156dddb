import type { ModuleDefinition } from '@mes/platform';
import { productionKnowledgeModule } from '@mes/production-knowledge-api';

/** Every scenario module implemented in this release. All are always loaded; access is per subscription. */
export const MODULES: ModuleDefinition[] = [productionKnowledgeModule];
