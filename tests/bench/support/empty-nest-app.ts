/**
 * The framework's own ceiling for `npm run bench:report`: a NestJS app on the API's HTTP adapter
 * (Express) with the same request shape as a report — POST with a JSON body through two global guards
 * and two global interceptors (all no-ops), answering 201 with a small JSON object — and nothing else:
 * no token, no database, no Redis, no logging. Whatever a real endpoint does comes on top of this.
 * Started as a process of its own (PORT from the environment), like the API, so its CPU is its own.
 */
import 'reflect-metadata';
import {
  Body,
  Controller,
  HttpCode,
  Injectable,
  Module,
  Param,
  Post,
  type CallHandler,
  type CanActivate,
  type NestInterceptor,
} from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { jsonBody } from '@mes/platform';

@Injectable()
class PassGuard implements CanActivate {
  canActivate(): boolean {
    return true;
  }
}

@Injectable()
class PassInterceptor implements NestInterceptor {
  intercept(_ctx: unknown, next: CallHandler): Observable<unknown> {
    return next.handle();
  }
}

@Controller('work-orders')
class EmptyReportController {
  @Post(':id/reports')
  @HttpCode(201)
  report(@Param('id') id: string, @Body() body: { operationSeq?: number; goodQty?: string }) {
    return { id, workOrderId: id, operationSeq: body.operationSeq ?? null, goodQty: body.goodQty ?? null };
  }
}

@Module({
  controllers: [EmptyReportController],
  providers: [
    { provide: APP_GUARD, useClass: PassGuard },
    { provide: APP_GUARD, useClass: PassGuard },
    { provide: APP_INTERCEPTOR, useClass: PassInterceptor },
    { provide: APP_INTERCEPTOR, useClass: PassInterceptor },
  ],
})
class EmptyAppModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(EmptyAppModule, {
    logger: false,
    bodyParser: false,
  });
  app.use(jsonBody('1mb'));
  app.set('etag', false);
  app.setGlobalPrefix('api');
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
