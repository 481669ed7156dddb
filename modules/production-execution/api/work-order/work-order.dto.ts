import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsDecimalString, PageQueryDto } from '@mes/platform';
import {
  ISSUE_MODES,
  WORK_ORDER_STATUSES,
  type CreateWorkOrderInput,
  type IssueMode,
  type ReleaseWorkOrderInput,
  type SplitWorkOrderInput,
  type UpdateWorkOrderInput,
  type WorkOrderStatus,
} from '@mes/shared';
import { IsCalendarDate, TrimString } from '../shared/dto-helpers';

export class CreateWorkOrderDto implements CreateWorkOrderInput {
  @ApiProperty({ example: 'DRILL' })
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  itemCode!: string;

  @ApiProperty({ example: '100', description: '> 0, at most 6 decimals' })
  @IsDecimalString({ min: '0', minExclusive: true })
  qty!: string;

  @ApiPropertyOptional({ example: '2026-12-20' })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string | null;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'earliest start (material availability)' })
  @IsOptional()
  @IsCalendarDate()
  releaseDate?: string | null;

  @ApiPropertyOptional({ example: 0, description: 'higher first' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9999)
  priority?: number;

  @ApiPropertyOptional({ enum: ISSUE_MODES, default: 'backflush' })
  @IsOptional()
  @IsIn(ISSUE_MODES)
  issueMode?: IssueMode;

  @ApiPropertyOptional({
    description: "finished goods warehouse; default: the item's default, else the first",
  })
  @IsOptional()
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  warehouseCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** Planned work orders only; every field optional, null clears a date. */
export class UpdateWorkOrderDto implements UpdateWorkOrderInput {
  @ApiPropertyOptional({ example: '120' })
  @IsOptional()
  @IsDecimalString({ min: '0', minExclusive: true })
  qty?: string;

  @ApiPropertyOptional({ example: '2026-12-20', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string | null;

  @ApiPropertyOptional({ example: '2026-12-01', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  releaseDate?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9999)
  priority?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ReleaseWorkOrderDto implements ReleaseWorkOrderInput {
  @ApiPropertyOptional({ description: 'release although components are short (reserves what there is)' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class PauseWorkOrderDto {
  @ApiProperty({ example: '设备故障' })
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason!: string;
}

export class SplitWorkOrderDto implements SplitWorkOrderInput {
  @ApiProperty({ example: '40', description: 'moved out of the not-yet-reported quantity' })
  @IsDecimalString({ min: '0', minExclusive: true })
  qty!: string;

  @ApiProperty({ example: '插单' })
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason!: string;
}

export class WorkOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WORK_ORDER_STATUSES })
  @IsOptional()
  @IsIn(WORK_ORDER_STATUSES)
  status?: WorkOrderStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  itemCode?: string;

  @ApiPropertyOptional({ description: 'work order no, item code or name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
