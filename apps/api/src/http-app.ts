import { VersioningType, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { jsonBody, RouteAccessAudit, type ModuleDefinition } from '@mes/platform';
import { AppModule } from './app.module';

/** The HTTP app exactly as served: used by main.ts and by the e2e tests. */
export async function createHttpApp(
  options: { logger?: boolean; modules?: ModuleDefinition[] } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forModules(options.modules), {
    bufferLogs: true,
    bodyParser: false,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  try {
    app.get(RouteAccessAudit).assertAllGuarded();
  } catch (error) {
    await app.close();
    throw error;
  }
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  // No ETag on API answers: hashing every JSON body cost ~1 % of a request's CPU, and no client sends
  // If-None-Match (the web app and the tablet always want the current data). Static files keep theirs.
  app.set('etag', false);
  app.use(jsonBody('1mb'));
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('数智工厂 SaaS API')
      .setDescription(
        'Multi-tenant MES/ERP scenario modules. Errors: { statusCode, code, message, details? }.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
