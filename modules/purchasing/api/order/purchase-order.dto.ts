import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDecimalString, PageQueryDto } from '@mes/platform';
import { PURCHASE_ORDER_STATUSES, type PurchaseOrderStatus } from '@mes/shared';
import { IsDateOnly, Trim } from '../shared/dto-rules';

export class PurchaseOrderLineDto {
  @ApiProperty({ example: 'SCREW-M3' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  itemCode!: string;

  @ApiProperty({ example: '1000', description: '> 0' })
  @IsDecimalString({ min: '0', minExclusive: true })
  qty!: string;

  @ApiPropertyOptional({
    example: '0.035',
    description: 'default: the effective supplier price, else the latest purchase price',
  })
  @IsOptional()
  @IsDecimalString({ scale: 4, min: '0' })
  unitPrice?: string;

  @ApiPropertyOptional({ example: '2026-12-01', nullable: true })
  @IsOptional()
  @IsDateOnly()
  dueDate?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class PurchaseOrderDto {
  @ApiProperty({ example: 'SUP-01' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  supplierCode!: string;

  @ApiPropertyOptional({ example: 'B01', nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  buyerCode?: string | null;

  @ApiPropertyOptional({ example: '2026-11-21', description: 'default: today' })
  @IsOptional()
  @IsDateOnly()
  orderDate?: string;

  @ApiPropertyOptional({ example: '2026-12-01', nullable: true })
  @IsOptional()
  @IsDateOnly()
  expectedDate?: string | null;

  @ApiPropertyOptional({ example: 'WH-RM', nullable: true, description: 'default warehouse of receipts' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  warehouseCode?: string | null;

  @ApiPropertyOptional({ example: '5', description: 'over-receipt tolerance in percent, 0–100' })
  @IsOptional()
  @IsDecimalString({ scale: 2, min: '0', max: '100' })
  tolerancePercent?: string;

  @ApiPropertyOptional({ example: 'CNY', default: 'CNY' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO code such as CNY' })
  currency?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiProperty({ type: [PurchaseOrderLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PurchaseOrderLineDto)
  lines!: PurchaseOrderLineDto[];
}

export class PurchaseOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PURCHASE_ORDER_STATUSES })
  @IsOptional()
  @IsIn(PURCHASE_ORDER_STATUSES)
  status?: PurchaseOrderStatus;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) supplierCode?: string;
  @ApiPropertyOptional({ description: 'orders with a line of this item' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  itemCode?: string;

  @ApiPropertyOptional({ description: 'order number contains' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  q?: string;

  @ApiPropertyOptional({ description: 'order date from (inclusive)' })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ description: 'order date to (inclusive)' })
  @IsOptional()
  @IsDateOnly()
  to?: string;
}
