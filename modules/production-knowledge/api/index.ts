import type { ModuleDefinition } from '@mes/platform';
import { ArticleEntity } from './article/article.entity';
import { productionKnowledgeManifest } from './manifest';
import { KnowledgeArticles1763700100000 } from './migrations/1763700100000-knowledge-articles';
import { ProductionKnowledgeModule } from './production-knowledge.module';

export { productionKnowledgeManifest, KNOWLEDGE_MODULE_KEY } from './manifest';

export const productionKnowledgeModule: ModuleDefinition = {
  manifest: productionKnowledgeManifest,
  apiModule: ProductionKnowledgeModule,
  entities: [ArticleEntity],
  migrations: [KnowledgeArticles1763700100000],
};
