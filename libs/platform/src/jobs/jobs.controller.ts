import { Controller, Get, Param, Sse, SetMetadata, type MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';
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

  /** Server-sent events of the job's progress; EventSource passes the token as ?access_token=. */
  @RequirePermission(Permission.JOBS_READ)
  @NoTenantTransaction()
  @SetMetadata(QUERY_TOKEN_KEY, true)
  @Sse(':id/events')
  async events(
    @TenantActor() actor: Actor & { tenantId: string },
    @Param('id', ParseId) id: string,
  ): Promise<Observable<MessageEvent>> {
    const stream = await this.jobs.stream(actor.tenantId, id);
    return stream.pipe(map((view) => ({ data: view, type: 'progress' })));
  }
}
