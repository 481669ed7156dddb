import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SubscriptionView } from '@mes/shared';
import { RequirePermission } from '../auth/access.decorators';
import { TenantActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permissions';
import type { Actor } from '../database/request-context';
import { SubscribeDto } from './subscription.dto';
import { SubscriptionsService } from './subscriptions.service';

type TenantCaller = Actor & { tenantId: string };

@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @RequirePermission(Permission.SUBSCRIPTIONS_READ)
  @Get()
  async list(@TenantActor() actor: TenantCaller): Promise<{ items: SubscriptionView[] }> {
    return { items: await this.subscriptions.list(actor.tenantId) };
  }

  @RequirePermission(Permission.SUBSCRIPTIONS_WRITE)
  @Post()
  async subscribe(
    @TenantActor() actor: TenantCaller,
    @Body() dto: SubscribeDto,
  ): Promise<{ items: SubscriptionView[] }> {
    return { items: await this.subscriptions.subscribe(actor, dto.moduleKey, dto.withDependencies ?? false) };
  }

  @RequirePermission(Permission.SUBSCRIPTIONS_WRITE)
  @Delete(':moduleKey')
  @HttpCode(204)
  async unsubscribe(
    @TenantActor() actor: TenantCaller,
    @Param('moduleKey') moduleKey: string,
  ): Promise<void> {
    await this.subscriptions.unsubscribe(actor, moduleKey);
  }
}
