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

function staticWeb(): DynamicModule[] {
  const rootPath = webDistDir();
  return rootPath ? [ServeStaticModule.forRoot({ rootPath, exclude: ['/api', '/api/{*path}'] })] : [];
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
