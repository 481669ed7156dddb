import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsDecimalString, PageQueryDto } from '@mes/platform';
import type { DemandType, ReservationStatus } from '@mes/shared';

const DEMAND_TYPES: DemandType[] = ['sales_order', 'work_order', 'other'];
const STATUSES: ReservationStatus[] = ['open', 'consumed', 'released'];

export class CreateReservationDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) itemCode!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) warehouseCode?: string;
  @ApiProperty({ example: '5' }) @IsDecimalString({ min: '0', minExclusive: true }) qty!: string;
  @ApiProperty({ enum: DEMAND_TYPES }) @IsIn(DEMAND_TYPES) demandType!: DemandType;
  @ApiProperty({ example: 'SO20261121-0001/1' }) @IsString() @MinLength(1) @MaxLength(100) demandRef!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() partial?: boolean;
}

export class ReservationQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) itemCode?: string;
  @ApiPropertyOptional({ enum: DEMAND_TYPES }) @IsOptional() @IsIn(DEMAND_TYPES) demandType?: DemandType;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) demandRef?: string;
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: ReservationStatus;
}
