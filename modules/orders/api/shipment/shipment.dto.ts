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
  ValidateNested,
} from 'class-validator';
import { IsDecimalString, PageQueryDto } from '@mes/platform';
import type { ShipmentInput, ShipmentLineInput } from '@mes/shared';
import { LOT_PATTERN, TrimString } from '../shared/dto-helpers';

/** A line of a shipment or a return: which order line, how much, from/into which lot and location. */
export class OrderLineQtyDto {
  @ApiProperty({ example: 1, description: 'the order line number' })
  @IsInt()
  @Min(1)
  @Max(100000)
  lineNo!: number;

  @ApiProperty({ example: '10', description: '> 0' })
  @IsDecimalString({ min: '0', minExclusive: true })
  qty!: string;

  @ApiPropertyOptional({
    description: 'lot-tracked items: shipments default to the oldest lots, returns to the one lot shipped',
  })
  @IsOptional()
  @TrimString()
  @IsString()
  @MaxLength(64)
  @Matches(LOT_PATTERN, { message: 'lot may hold letters, digits and - _ . : only' })
  lot?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @TrimString()
  @IsString()
  @MaxLength(40)
  locationCode?: string;
}

export class ShipmentLineDto extends OrderLineQtyDto implements ShipmentLineInput {}

export class ShipmentDto implements ShipmentInput {
  @ApiPropertyOptional({ description: "default: the order's warehouse, then the item's default warehouse" })
  @IsOptional()
  @TrimString()
  @IsString()
  @MaxLength(40)
  warehouseCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;

  @ApiProperty({ type: [ShipmentLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ShipmentLineDto)
  lines!: ShipmentLineDto[];
}

export class OrderDocumentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'the sales order number' })
  @IsOptional()
  @IsString()
  @MaxLength(24)
  orderNo?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  customerCode?: string;
}
