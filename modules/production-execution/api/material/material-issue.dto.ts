import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDecimalString } from '@mes/platform';
import type { IssueMaterialsInput } from '@mes/shared';
import { LOT_PATTERN, TrimString } from '../shared/dto-helpers';

export class IssueMaterialLineDto {
  @ApiProperty({ example: 'MOTOR' })
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  itemCode!: string;

  @ApiProperty({ example: '10', description: '> 0' })
  @IsDecimalString({ min: '0', minExclusive: true })
  qty!: string;

  @ApiPropertyOptional({ description: 'default: where the reservations are, then free stock oldest first' })
  @IsOptional()
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  warehouseCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @TrimString()
  @IsString()
  @MaxLength(64)
  @Matches(LOT_PATTERN, { message: 'lot may hold letters, digits and - _ . : only' })
  lot?: string;
}

/** 领料: without lines, issues what every component still lacks. */
export class IssueMaterialsDto implements IssueMaterialsInput {
  @ApiPropertyOptional({ type: [IssueMaterialLineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => IssueMaterialLineDto)
  lines?: IssueMaterialLineDto[];
}
