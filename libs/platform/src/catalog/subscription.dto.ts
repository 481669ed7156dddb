import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const MODULE_KEY_PATTERN = /^[a-z][a-z0-9-]{1,63}$/;

export class SubscribeDto {
  @ApiProperty({ example: 'warehousing' })
  @IsString()
  @MaxLength(64)
  @Matches(MODULE_KEY_PATTERN, { message: 'moduleKey must be a catalog module key' })
  moduleKey!: string;

  @ApiPropertyOptional({ description: 'also subscribe the modules it depends on' })
  @IsOptional()
  @IsBoolean()
  withDependencies?: boolean;
}
