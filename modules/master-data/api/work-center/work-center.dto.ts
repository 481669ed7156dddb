import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsDecimalString } from '@mes/platform';
import type { WorkCenterKind } from '@mes/shared';
import { CODE_PATTERN } from '../item/item.dto';
import { trimString } from '../shared/trim';

export const WORK_CENTER_KINDS: WorkCenterKind[] = ['machine', 'line', 'crew', 'manual'];

export class CreateWorkCenterDto {
  @ApiProperty({ example: 'CNC-01' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'code may hold letters, digits and - _ . / only' })
  code!: string;

  @ApiProperty({ example: '数控车床1号' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ enum: WORK_CENTER_KINDS, default: 'machine' })
  @IsOptional()
  @IsIn(WORK_CENTER_KINDS)
  kind?: WorkCenterKind;

  @ApiPropertyOptional({ default: 1, description: 'operations it runs at once' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  parallelCapacity?: number;

  @ApiPropertyOptional({ default: '1', description: '1 = standard speed; 0.85 = 15% slower' })
  @IsOptional()
  @IsDecimalString({ scale: 4, min: '0', minExclusive: true, max: '10' })
  efficiency?: string;

  @ApiPropertyOptional({ nullable: true, example: 'TWO-SHIFT' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  calendarCode?: string | null;

  @ApiPropertyOptional({ enum: ['active', 'inactive'] })
  @IsOptional()
  @IsIn(['active', 'inactive'])
  status?: 'active' | 'inactive';
}

export class UpdateWorkCenterDto extends PartialType(CreateWorkCenterDto) {}
