import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../shared/dto-helpers';

/** 今日产出: the local day (tenant time zone) to sum the reports of; default today. */
export class OutputQueryDto {
  @ApiPropertyOptional({
    example: '2026-11-21',
    description: 'YYYY-MM-DD; default: today (tenant time zone)',
  })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}
