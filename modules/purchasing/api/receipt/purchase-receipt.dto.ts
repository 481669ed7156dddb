import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDecimalString, PageQueryDto } from '@mes/platform';
import { PURCHASE_RECEIPT_KINDS, type PurchaseReceiptKind } from '@mes/shared';
import { LOT_PATTERN, Trim } from '../shared/dto-rules';

export class ReceiptLineDto {
  @ApiProperty({ example: 1, description: 'the purchase order line' })
  @IsInt()
  @Min(1)
  @Max(100000)
  lineNo!: number;

  @ApiProperty({ example: '600', description: '> 0' })
  @IsDecimalString({ min: '0', minExclusive: true })
  qty!: string;

  @ApiPropertyOptional({ example: '20261121-01', description: 'required for lot-tracked items' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(64)
  @Matches(LOT_PATTERN, { message: 'lot may hold letters, digits and - _ . : only' })
  lot?: string;

  @ApiPropertyOptional({ example: 'A-01', description: 'items needing inspection always go to QC-HOLD' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  locationCode?: string;
}

export class ReceiptDto {
  @ApiPropertyOptional({ example: 'WH-RM', description: "default: the order's, else each item's default" })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  warehouseCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;

  @ApiProperty({ type: [ReceiptLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ReceiptLineDto)
  lines!: ReceiptLineDto[];
}

export class ReceiptQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() orderId?: string;
  @ApiPropertyOptional({ enum: PURCHASE_RECEIPT_KINDS })
  @IsOptional()
  @IsIn(PURCHASE_RECEIPT_KINDS)
  kind?: PurchaseReceiptKind;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) supplierCode?: string;
}

export class PendingReceiptQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) supplierCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) itemCode?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only lines past their due date' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
}
