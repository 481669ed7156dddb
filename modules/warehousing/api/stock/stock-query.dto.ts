import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsDecimalString, PageQueryDto } from '@mes/platform';
import { MOVEMENT_TYPES, type MovementType } from '@mes/shared';

export class StockScopeDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) itemCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) warehouseCode?: string;
  @ApiPropertyOptional({ description: 'search item code and name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class StockQueryDto extends StockScopeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) locationCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) lot?: string;
  @ApiPropertyOptional({ description: 'include balances that are now zero' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeZero?: boolean;
}

export class StockByItemQueryDto extends StockScopeDto {}

export class MovementQueryDto extends StockScopeDto {
  @ApiPropertyOptional({ enum: MOVEMENT_TYPES }) @IsOptional() @IsIn(MOVEMENT_TYPES) type?: MovementType;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(24) docNo?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) ref?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) lot?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class FifoQueryDto {
  @ApiPropertyOptional() @IsString() @MaxLength(64) itemCode!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) warehouseCode?: string;
  @ApiPropertyOptional({ example: '10' }) @IsDecimalString({ min: '0', minExclusive: true }) qty!: string;
}

export class AgeingQueryDto extends StockScopeDto {
  @ApiPropertyOptional({ description: 'bucket upper bounds in days, e.g. 30,60,90,180' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((v) => Number(v.trim())) : value,
  )
  @IsArray()
  @ArrayMaxSize(12)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(3650, { each: true })
  buckets?: number[];
}

export class StatisticsQueryDto extends StockScopeDto {
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
}
