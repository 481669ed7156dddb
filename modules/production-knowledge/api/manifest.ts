import type { ModuleManifest } from '@mes/platform';
import { Role } from '@mes/shared';

export const KNOWLEDGE_MODULE_KEY = 'production-knowledge';

export const KnowledgePermission = {
  READ: 'production-knowledge:read',
  WRITE: 'production-knowledge:write',
} as const;

/** 生产知识管理 (附件2 row 15): the factory's knowledge base — work instructions, fault fixes, tips. */
export const productionKnowledgeManifest: ModuleManifest = {
  key: KNOWLEDGE_MODULE_KEY,
  nameZh: '生产知识管理',
  nameEn: 'Production knowledge',
  dependsOn: [],
  permissions: {
    [KnowledgePermission.READ]: [
      Role.CONTRACTOR,
      Role.TENANT_ADMIN,
      Role.PLANNER,
      Role.WAREHOUSE,
      Role.OPERATOR,
      Role.QUALITY,
      Role.MAINTENANCE,
    ],
    [KnowledgePermission.WRITE]: [
      Role.CONTRACTOR,
      Role.TENANT_ADMIN,
      Role.PLANNER,
      Role.QUALITY,
      Role.MAINTENANCE,
    ],
  },
  menu: [
    { path: '/production-knowledge/articles', titleZh: '知识库', titleEn: 'Knowledge base', icon: 'Reading' },
  ],
  meters: [],
};
