import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { PlatformCoreModule, PlatformHttpModule, loadConfig, type ModuleDefinition } from '@mes/platform';
import { MODULES } from './modules.registry';

/** dist/web beside dist/api, unless WEB_DIST_DIR says otherwise. */
export function webDistDir(): string | null {
  const dir = loadConfig().webDistDir ?? resolve(__dirname, '../../../../web');
  return existsSync(resolve(dir, 'index.html')) ? dir : null;
}

/**
 * The built web: `/shopfloor` and `/shopfloor/*` answer with the tablet app's own page (its service worker,
 * manifest and icons live in dist/web/shopfloor too; decision 0017), everything else outside `/api` with
 * the shell's SPA. The shop-floor option comes first so that its fallback wins under its prefix.
 */
function staticWeb(): DynamicModule[] {
  const rootPath = webDistDir();
  if (!rootPath) return [];
  const shopfloor = resolve(rootPath, 'shopfloor');
  return [
    ServeStaticModule.forRoot(
      ...(existsSync(resolve(shopfloor, 'index.html'))
        ? [{ rootPath: shopfloor, serveRoot: '/shopfloor', renderPath: '{*path}' }]
        : []),
      { rootPath, exclude: ['/api', '/api/{*path}'] },
    ),
  ];
}

/** The HTTP application: the platform and every module (the registry's, or a test's own list). */
@Module({})
export class AppModule {
  static forModules(modules: ModuleDefinition[] = MODULES): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformCoreModule.forRoot(modules),
        PlatformHttpModule,
        ...modules.map((m) => m.apiModule),
        ...staticWeb(),
      ],
    };
  }
}
