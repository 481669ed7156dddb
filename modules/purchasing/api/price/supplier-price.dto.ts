import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsDecimalString, PageQueryDto } from '@mes/platform';
import { IsDateOnly, Trim } from '../shared/dto-rules';

export const PRICE_SCALE = 4;

export class SupplierPriceDto {
  @ApiProperty({ example: 'SUP-01' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  supplierCode!: string;

  @ApiProperty({ example: 'SCREW-M3' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  itemCode!: string;

  @ApiProperty({ example: '0.035', description: '≥ 0, at most 4 decimals' })
  @IsDecimalString({ scale: PRICE_SCALE, min: '0' })
  unitPrice!: string;

  @ApiPropertyOptional({ example: 'CNY', default: 'CNY' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO code such as CNY' })
  currency?: string;

  @ApiPropertyOptional({ example: '1000', description: 'the price applies from this quantity on' })
  @IsOptional()
  @IsDecimalString({ min: '0' })
  minQty?: string;

  @ApiProperty({ example: '2026-01-01' })
  @IsDateOnly()
  validFrom!: string;

  @ApiPropertyOptional({ example: '2026-12-31', nullable: true })
  @IsOptional()
  @IsDateOnly()
  validTo?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class SupplierPriceQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) supplierCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) itemCode?: string;
  @ApiPropertyOptional({ description: 'only prices in effect on this date' })
  @IsOptional()
  @IsDateOnly()
  onDate?: string;
}

export class EffectivePriceQueryDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(40) supplierCode!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) itemCode!: string;
  @ApiPropertyOptional({ description: 'default: today' }) @IsOptional() @IsDateOnly() date?: string;
  @ApiPropertyOptional({ description: 'order quantity (tiered prices)' })
  @IsOptional()
  @IsDecimalString({ min: '0' })
  qty?: string;
}

export class LatestPriceQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) itemCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) supplierCode?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'one row per item and supplier' })
  @IsOptional()
  @IsIn(['true', 'false'])
  bySupplier?: 'true' | 'false';
}
