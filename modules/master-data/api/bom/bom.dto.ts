import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
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
import { IsDecimalString, PageQueryDto } from '@mes/platform';
import { trimString } from '../shared/trim';

export const VERSION_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\-_.]*$/u;

export class BomLineDto {
  @ApiProperty({ example: 'MOTOR-650' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  itemCode!: string;

  @ApiProperty({ example: '2', description: 'quantity of the component per one parent, in its base unit' })
  @IsDecimalString({ min: '0', minExclusive: true })
  qtyPer!: string;

  @ApiPropertyOptional({ example: '0.05', description: 'component scrap, 0 ≤ rate < 1' })
  @IsOptional()
  @IsDecimalString({ min: '0', max: '1', maxExclusive: true })
  scrapRate?: string;

  @ApiPropertyOptional({ nullable: true, description: 'the routing operation (seq) that consumes it' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9999)
  operationSeq?: number | null;

  @ApiPropertyOptional({ nullable: true, example: '2026-01-01' })
  @IsOptional()
  @IsDateString({ strict: true })
  validFrom?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsDateString({ strict: true })
  validTo?: string | null;
}

export class BomLinesDto {
  @ApiPropertyOptional({ example: '2', description: 'defaults to the next number' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  @Matches(VERSION_PATTERN, { message: 'version may hold letters, digits and - _ . only' })
  version?: string;

  @ApiProperty({ type: [BomLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => BomLineDto)
  lines!: BomLineDto[];
}

export class CreateBomDto extends BomLinesDto {
  @ApiProperty({ example: 'DRILL-13' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  itemCode!: string;

  @ApiPropertyOptional({
    description: "make it the item's default version (the first BOM of an item always is)",
  })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class CopyBomDto {
  @ApiProperty({ example: 'SO-2026-0042', description: 'the sales order this order-specific BOM belongs to' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  orderRef!: string;
}

export class BomQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  itemCode?: string;
}

export class BomTreeQueryDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  itemCode!: string;
}
