import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@mes/platform';
import { SALES_ORDER_STATUSES, type SalesOrderStatus } from '@mes/shared';

export class OrderProgressQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  customerCode?: string;

  @ApiPropertyOptional({ enum: SALES_ORDER_STATUSES, description: 'default: every status but cancelled' })
  @IsOptional()
  @IsIn(SALES_ORDER_STATUSES)
  status?: SalesOrderStatus;

  @ApiPropertyOptional({ description: 'the sales order number' })
  @IsOptional()
  @IsString()
  @MaxLength(24)
  orderNo?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  itemCode?: string;
}
