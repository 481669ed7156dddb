import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDecimalString, PageQueryDto } from '@mes/platform';
import {
  SALES_ORDER_STATUSES,
  SO_UNIT_PRICE_SCALE,
  type ConfirmSalesOrderInput,
  type SalesOrderInput,
  type SalesOrderLineInput,
  type SalesOrderStatus,
} from '@mes/shared';
import { IsCalendarDate, TrimString } from '../shared/dto-helpers';

export class SalesOrderLineDto implements SalesOrderLineInput {
  @ApiProperty({ example: 'DRILL-18V' })
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  itemCode!: string;

  @ApiProperty({ example: '100', description: '> 0' })
  @IsDecimalString({ min: '0', minExclusive: true })
  qty!: string;

  @ApiProperty({ example: '299.5', description: '≥ 0, at most 4 decimals' })
  @IsDecimalString({ scale: SO_UNIT_PRICE_SCALE, min: '0' })
  unitPrice!: string;

  @ApiPropertyOptional({ example: '2026-12-20' })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class SalesOrderDto implements SalesOrderInput {
  @ApiProperty({ example: 'C-001' })
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  customerCode!: string;

  @ApiPropertyOptional({ description: "the customer's own PO number" })
  @IsOptional()
  @TrimString()
  @IsString()
  @MaxLength(64)
  customerPo?: string;

  @ApiPropertyOptional({ description: "default: the customer's first contact" })
  @IsOptional()
  @TrimString()
  @IsString()
  @MaxLength(64)
  consigneeName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @TrimString()
  @IsString()
  @MaxLength(32)
  consigneePhone?: string;

  @ApiPropertyOptional({ description: "default: the customer's address" })
  @IsOptional()
  @TrimString()
  @IsString()
  @MaxLength(200)
  consigneeAddress?: string;

  @ApiPropertyOptional({ example: '2026-11-21', description: 'default: today' })
  @IsOptional()
  @IsCalendarDate()
  orderDate?: string;

  @ApiPropertyOptional({ description: 'ship-from warehouse by default' })
  @IsOptional()
  @TrimString()
  @IsString()
  @MaxLength(40)
  warehouseCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiProperty({ type: [SalesOrderLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SalesOrderLineDto)
  lines!: SalesOrderLineDto[];
}

export class ConfirmSalesOrderDto implements ConfirmSalesOrderInput {
  @ApiPropertyOptional({ default: true, description: 'reserve free stock for each line' })
  @IsOptional()
  @IsBoolean()
  reserve?: boolean;
}

export class SalesOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'order number or customer PO contains' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;

  @ApiPropertyOptional({ enum: SALES_ORDER_STATUSES })
  @IsOptional()
  @IsIn(SALES_ORDER_STATUSES)
  status?: SalesOrderStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  customerCode?: string;
}
