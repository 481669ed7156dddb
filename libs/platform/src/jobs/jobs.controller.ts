import { Controller, Get, Param, Res, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { JobView } from '@mes/shared';
import { NoTenantTransaction, RequirePermission } from '../auth/access.decorators';
import { QUERY_TOKEN_KEY } from '../auth/auth.guard';
import { TenantActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permissions';
import type { Actor } from '../database/request-context';
import { ParseId } from '../http/id-param.pipe';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @RequirePermission(Permission.JOBS_READ)
  @Get(':id')
  get(
    @TenantActor() actor: Actor & { tenantId: string },
    @Param('id', ParseId) id: string,
  ): Promise<JobView> {
    return this.jobs.view(actor.tenantId, id);
  }

  /**
   * Server-sent events of the job's progress until it completes or fails; EventSource passes the
   * token as ?access_token=. Ownership is checked before the stream opens, so a foreign id is a 404.
   */
  @RequirePermission(Permission.JOBS_READ)
  @NoTenantTransaction()
  @SetMetadata(QUERY_TOKEN_KEY, true)
  @Get(':id/events')
  async events(
    @TenantActor() actor: Actor & { tenantId: string },
    @Param('id', ParseId) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const stream = await this.jobs.stream(actor.tenantId, id);
    res.status(200).set({
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    const subscription = stream.subscribe({
      next: (view) => res.write(`event: progress\ndata: ${JSON.stringify(view)}\n\n`),
      error: (error: unknown) => {
        res.write(
          `event: error\ndata: ${JSON.stringify({ message: error instanceof Error ? error.message : 'error' })}\n\n`,
        );
        res.end();
      },
      complete: () => res.end(),
    });
    res.on('close', () => {
      subscription.unsubscribe();
    });
  }
}
