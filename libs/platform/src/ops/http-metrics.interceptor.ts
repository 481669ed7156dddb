import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { MetricsService } from './metrics.service';

/** Observes each request when its response is finished, so error statuses are counted as sent. */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: MetricsService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const http = ctx.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const route = (req.route as { path?: string } | undefined)?.path ?? 'unknown';
    const end = this.metrics.httpDuration.startTimer({ method: req.method, route });
    res.once('finish', () => {
      end();
      this.metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    return next.handle();
  }
}
