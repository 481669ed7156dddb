import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDecimalString } from '@mes/platform';
import type { ReturnLineInput, SalesReturnInput } from '@mes/shared';
import { LOT_PATTERN, TrimString } from '../shared/dto-helpers';

export class ReturnLineDto implements ReturnLineInput {
  @ApiProperty({ example: 1, description: 'the order line number' })
  @IsInt()
  @Min(1)
  @Max(100000)
  lineNo!: number;

  @ApiProperty({ example: '2', description: '> 0' })
  @IsDecimalString({ min: '0', minExclusive: true })
  qty!: string;

  @ApiPropertyOptional({ description: 'lot-tracked items: default the one lot the line was shipped from' })
  @IsOptional()
  @TrimString()
  @IsString()
  @MaxLength(64)
  @Matches(LOT_PATTERN, { message: 'lot may hold letters, digits and - _ . : only' })
  lot?: string;

  @ApiPropertyOptional({ description: 'default: the warehouse the line was shipped from' })
  @IsOptional()
  @TrimString()
  @IsString()
  @MaxLength(40)
  warehouseCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @TrimString()
  @IsString()
  @MaxLength(40)
  locationCode?: string;
}

export class SalesReturnDto implements SalesReturnInput {
  @ApiProperty({ example: '外壳划伤' })
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason!: string;

  @ApiProperty({ type: [ReturnLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ReturnLineDto)
  lines!: ReturnLineDto[];
}
