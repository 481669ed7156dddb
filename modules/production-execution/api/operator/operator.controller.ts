import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { IdentifiedOperator, OperatorView } from '@mes/shared';
import { PRODUCTION_EXECUTION_MODULE_KEY, ProductionExecutionPermission } from '../manifest';
import { CreateOperatorDto, IdentifyOperatorDto, UpdateOperatorDto } from './operator.dto';
import { OperatorService } from './operator.service';

type TenantActorT = Actor & { tenantId: string };
const P = ProductionExecutionPermission;

@ApiTags('production-execution')
@ApiBearerAuth()
@RequiresModule(PRODUCTION_EXECUTION_MODULE_KEY)
@Controller('production-execution/operators')
export class OperatorController {
  constructor(private readonly operators: OperatorService) {}

  /** Operators (no PIN hashes). */
  @RequirePermission(P.READ)
  @Get()
  list(): Promise<OperatorView[]> {
    return this.operators.list();
  }

  /** 201; 409 DUPLICATE_CODE / DUPLICATE_BADGE. */
  @RequirePermission(P.WRITE)
  @Post()
  create(@TenantActor() actor: TenantActorT, @Body() dto: CreateOperatorDto): Promise<OperatorView> {
    return this.operators.create(actor.tenantId, dto);
  }

  /** Name, badge, PIN (null clears), active. */
  @RequirePermission(P.WRITE)
  @Put(':id')
  update(@Param('id', ParseId) id: string, @Body() dto: UpdateOperatorDto): Promise<OperatorView> {
    return this.operators.update(id, dto);
  }

  /**
   * Who is at the tablet: `{ badge }` or `{ code, pin }` → `{ code, name }`; 404 unknown, 401 INVALID_PIN,
   * 429 after 5 wrong PINs of the operator (5 min).
   */
  @RequirePermission(P.REPORT)
  @Post('identify')
  @HttpCode(200)
  identify(
    @TenantActor() actor: TenantActorT,
    @Body() dto: IdentifyOperatorDto,
  ): Promise<IdentifiedOperator> {
    return this.operators.identify(actor.tenantId, dto);
  }
}
