import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { MoveOperationInput } from '@mes/shared';

export class MoveOperationDto implements MoveOperationInput {
  @ApiProperty({ example: '2026-11-23T08:00:00+08:00', description: 'requested start' })
  @IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date-time' })
  start!: string;

  @ApiPropertyOptional({ example: 'CNC-02', description: 'another eligible resource (unit code)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  resourceCode?: string;
}

export class LockOperationDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  locked!: boolean;
}
