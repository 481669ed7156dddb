import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDecimalString, PageQueryDto } from '@mes/platform';
import type { StocktakeStatus } from '@mes/shared';

export class CreateStocktakeDto {
  @ApiProperty({ example: 'WH-RM' }) @IsString() @MinLength(1) @MaxLength(40) warehouseCode!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) locationCode?: string;
  @ApiPropertyOptional({ type: [String], description: 'only these items (default: all in scope)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  itemCodes?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) note?: string;
}

export class StocktakeCountLineDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() lineId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) itemCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) locationCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) lot?: string;
  @ApiProperty({ example: '12' }) @IsDecimalString({ min: '0' }) countedQty!: string;
}

export class StocktakeCountDto {
  @ApiProperty({ type: [StocktakeCountLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => StocktakeCountLineDto)
  counts!: StocktakeCountLineDto[];
}

const STATUSES: StocktakeStatus[] = ['counting', 'posted', 'cancelled'];

export class StocktakeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: StocktakeStatus;
}
