import { PLATFORM_MIGRATIONS } from '@mes/platform';
import { MODULES } from './modules.registry';

/** Platform first, then each module's, in the order TypeORM sorts them (by timestamp). */
export const ALL_MIGRATIONS = [...PLATFORM_MIGRATIONS, ...MODULES.flatMap((m) => m.migrations)];
