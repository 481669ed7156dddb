import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@mes/platform';
import { WORK_ORDER_REQUEST_STATUSES, type WorkOrderRequestStatus } from '@mes/shared';

export class WorkOrderRequestQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WORK_ORDER_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(WORK_ORDER_REQUEST_STATUSES)
  status?: WorkOrderRequestStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  itemCode?: string;

  @ApiPropertyOptional({ description: 'the sales order number' })
  @IsOptional()
  @IsString()
  @MaxLength(24)
  orderNo?: string;
}
