import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsDecimalString, PageQueryDto } from '@mes/platform';
import {
  REQUISITION_SOURCES,
  REQUISITION_STATUSES,
  type RequisitionSource,
  type RequisitionStatus,
} from '@mes/shared';
import { IsDateOnly, Trim } from '../shared/dto-rules';

export class RequisitionDto {
  @ApiProperty({ example: 'SCREW-M3' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  itemCode!: string;

  @ApiProperty({ example: '5000', description: '> 0' })
  @IsDecimalString({ min: '0', minExclusive: true })
  qty!: string;

  @ApiPropertyOptional({ example: '2026-12-01', nullable: true })
  @IsOptional()
  @IsDateOnly()
  needBy?: string | null;

  @ApiPropertyOptional({ example: 'SUP-01', nullable: true, description: 'preferred supplier' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  supplierCode?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class ConvertRequisitionsDto {
  @ApiProperty({ type: [String], description: 'open to-buy lines to order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids!: string[];

  @ApiPropertyOptional({ description: 'order everything from this supplier' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  supplierCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  buyerCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  warehouseCode?: string;
}

export class RequisitionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REQUISITION_STATUSES })
  @IsOptional()
  @IsIn(REQUISITION_STATUSES)
  status?: RequisitionStatus;

  @ApiPropertyOptional({ enum: REQUISITION_SOURCES })
  @IsOptional()
  @IsIn(REQUISITION_SOURCES)
  source?: RequisitionSource;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) itemCode?: string;
}
