import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageQueryDto } from '@mes/platform';
import { MRP_RUN_STATUSES, type MrpRunInput, type MrpRunStatus } from '@mes/shared';

export class MrpRunDto implements MrpRunInput {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'default: today (tenant time zone)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property must be a valid date' })
  start?: string;

  @ApiPropertyOptional({ example: 180, minimum: 1, maximum: 3660, default: 180 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3660)
  horizonDays?: number;

  @ApiPropertyOptional({ default: false, description: 'reserve the stock matched to sales order lines' })
  @IsOptional()
  @IsBoolean()
  lockStock?: boolean;
}

export class MrpRunQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MRP_RUN_STATUSES })
  @IsOptional()
  @IsIn(MRP_RUN_STATUSES)
  status?: MrpRunStatus;
}
