import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SLUG_PATTERN } from '../tenants/tenant.dto';

export class LoginDto {
  @ApiProperty({ example: 'admin@demo.test' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({
    description: 'tenant slug; omitted → the first tenant, or the platform scope for an operator',
  })
  @IsOptional()
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'tenant must be a tenant slug' })
  tenant?: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken!: string;
}

export class SwitchTenantDto {
  @ApiProperty({ example: 'demo2' })
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'tenant must be a tenant slug' })
  tenant!: string;
}
