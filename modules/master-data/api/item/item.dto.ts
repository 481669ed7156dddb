import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
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
import type { ItemStatus, ItemType, MakeOrBuy } from '@mes/shared';
import { SearchPageQueryDto } from '../shared/page-query.dto';
import { trimString } from '../shared/trim';

export const ITEM_TYPES: ItemType[] = ['raw', 'semi', 'finished', 'consumable', 'spare'];
export const MAKE_OR_BUY: MakeOrBuy[] = ['make', 'buy'];
export const ITEM_STATUSES: ItemStatus[] = ['active', 'obsolete'];
export const LOT_RULES = ['LFL', 'FOQ', 'POQ', 'MINMULT'] as const;
/** Codes: letters, digits and - _ . / (no spaces), so they survive barcodes and spreadsheets. */
export const CODE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\-_./]*$/u;

export class LotSizingDto {
  @ApiProperty({ enum: LOT_RULES })
  @IsIn(LOT_RULES)
  rule!: (typeof LOT_RULES)[number];

  @ApiPropertyOptional({ description: 'FOQ: fixed order quantity' })
  @IsOptional()
  @IsDecimalString({ min: '0', minExclusive: true })
  qty?: string;

  @ApiPropertyOptional({ description: 'POQ: periods (days) covered by one order' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  periods?: number;

  @ApiPropertyOptional({ description: 'MINMULT: minimum quantity' })
  @IsOptional()
  @IsDecimalString({ min: '0' })
  min?: string;

  @ApiPropertyOptional({ description: 'MINMULT: order in multiples of' })
  @IsOptional()
  @IsDecimalString({ min: '0', minExclusive: true })
  multiple?: string;
}

export class UnitConversionDto {
  @ApiProperty({ example: '箱' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  unit!: string;

  @ApiProperty({ example: '24', description: '1 unit = factor × base unit' })
  @IsDecimalString({ min: '0', minExclusive: true })
  factor!: string;
}

export class CreateItemDto {
  @ApiProperty({ example: 'DRILL-13' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(CODE_PATTERN, { message: 'code may hold letters, digits and - _ . / only' })
  code!: string;

  @ApiProperty({ example: '13mm 电钻' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: '650W 13mm' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  spec?: string;

  @ApiProperty({ enum: ITEM_TYPES })
  @IsIn(ITEM_TYPES)
  type!: ItemType;

  @ApiProperty({ example: '个' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  baseUnit!: string;

  @ApiProperty({ enum: MAKE_OR_BUY })
  @IsIn(MAKE_OR_BUY)
  makeOrBuy!: MakeOrBuy;

  @ApiPropertyOptional({ minimum: 0, maximum: 3650 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  leadTimeDays?: number;

  @ApiPropertyOptional({ example: '10' })
  @IsOptional()
  @IsDecimalString({ min: '0' })
  safetyStock?: string;

  @ApiPropertyOptional({ type: LotSizingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LotSizingDto)
  lotSizing?: LotSizingDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  lotTracked?: boolean;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  barcode?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  defaultWarehouseCode?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  inspectionRequired?: boolean;

  @ApiPropertyOptional({ enum: ITEM_STATUSES })
  @IsOptional()
  @IsIn(ITEM_STATUSES)
  status?: ItemStatus;

  @ApiPropertyOptional({ type: [UnitConversionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => UnitConversionDto)
  conversions?: UnitConversionDto[];
}

export class UpdateItemDto extends PartialType(CreateItemDto) {}

export class ItemQueryDto extends SearchPageQueryDto {
  @ApiPropertyOptional({ description: 'exact item code' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  code?: string;

  @ApiPropertyOptional({ enum: ITEM_TYPES })
  @IsOptional()
  @IsIn(ITEM_TYPES)
  type?: ItemType;

  @ApiPropertyOptional({ enum: MAKE_OR_BUY })
  @IsOptional()
  @IsIn(MAKE_OR_BUY)
  makeOrBuy?: MakeOrBuy;

  @ApiPropertyOptional({ enum: ITEM_STATUSES })
  @IsOptional()
  @IsIn(ITEM_STATUSES)
  status?: ItemStatus;
}
