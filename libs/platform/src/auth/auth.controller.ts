import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { LoginResponse, MeResponse } from '@mes/shared';
import type { Actor } from '../database/request-context';
import { Permission } from './permissions';
import { Public, RequirePermission } from './access.decorators';
import { LoginDto, RefreshDto, SwitchTenantDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentActor } from './current-actor.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<LoginResponse> {
    return this.auth.login(dto.email, dto.password, dto.tenant, req.ip ?? 'unknown');
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto): Promise<LoginResponse> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }

  @ApiBearerAuth()
  @RequirePermission(Permission.AUTHENTICATED)
  @Post('switch-tenant')
  @HttpCode(200)
  switchTenant(@CurrentActor() actor: Actor, @Body() dto: SwitchTenantDto): Promise<LoginResponse> {
    return this.auth.switchTenant(actor, dto.tenant);
  }

  @ApiBearerAuth()
  @RequirePermission(Permission.AUTHENTICATED)
  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.auth.me(actor);
  }
}
