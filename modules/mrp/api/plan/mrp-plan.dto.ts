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
} from 'class-validator';
import { PageQueryDto } from '@mes/platform';
import {
  MRP_EXCEPTION_TYPES,
  MRP_ORDER_KINDS,
  MRP_PLANNED_ORDER_STATUSES,
  type MrpExceptionTypeName,
  type MrpFirmInput,
  type MrpOrderKind,
  type MrpPlannedOrderStatus,
} from '@mes/shared';

export class PlannedOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) itemCode?: string;

  @ApiPropertyOptional({ enum: MRP_ORDER_KINDS })
  @IsOptional()
  @IsIn(MRP_ORDER_KINDS)
  kind?: MrpOrderKind;

  @ApiPropertyOptional({ enum: MRP_PLANNED_ORDER_STATUSES })
  @IsOptional()
  @IsIn(MRP_PLANNED_ORDER_STATUSES)
  status?: MrpPlannedOrderStatus;
}

export class ExceptionQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) itemCode?: string;

  @ApiPropertyOptional({ enum: MRP_EXCEPTION_TYPES })
  @IsOptional()
  @IsIn(MRP_EXCEPTION_TYPES)
  type?: MrpExceptionTypeName;
}

export class RecordQueryDto {
  @ApiPropertyOptional({ enum: ['day', 'week'], default: 'day' })
  @IsOptional()
  @IsIn(['day', 'week'])
  bucket?: 'day' | 'week';
}

export class FirmDto implements MrpFirmInput {
  @ApiProperty({ type: [String], description: 'planned orders of the current plan' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids!: string[];
}
