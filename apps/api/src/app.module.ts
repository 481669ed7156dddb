import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { PlatformCoreModule, PlatformHttpModule, loadConfig } from '@mes/platform';
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

@Module({
  imports: [
    PlatformCoreModule.forRoot(MODULES),
    PlatformHttpModule,
    ...MODULES.map((m) => m.apiModule),
    ...staticWeb(),
  ],
})
export class AppModule {}
