import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsDecimalString } from '@mes/platform';
import type { WorkReportInput } from '@mes/shared';
import { TrimString } from '../shared/dto-helpers';

/** 报工: good and scrap (and rework) quantities of one operation. */
export class WorkReportDto implements WorkReportInput {
  @ApiProperty({ example: 10, description: "the operation's seq" })
  @IsInt()
  @Min(1)
  @Max(9999)
  operationSeq!: number;

  @ApiProperty({ example: '8', description: '≥ 0; good + scrap must be > 0' })
  @IsDecimalString({ min: '0' })
  goodQty!: string;

  @ApiPropertyOptional({ example: '1', description: '> 0 needs a reasonCode' })
  @IsOptional()
  @IsDecimalString({ min: '0' })
  scrapQty?: string;

  @ApiPropertyOptional({
    example: '0',
    description: 'to be reworked; recorded, not counted as good or scrap',
  })
  @IsOptional()
  @IsDecimalString({ min: '0' })
  reworkQty?: string;

  @ApiPropertyOptional({ example: 'DIM-NG', description: 'scrap / rework reason' })
  @IsOptional()
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  reasonCode?: string;

  @ApiPropertyOptional({ example: ['OP-001'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(40, { each: true })
  operatorCodes?: string[];

  @ApiPropertyOptional({ example: 'CNC-01-M1' })
  @IsOptional()
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  equipmentCode?: string;

  @ApiPropertyOptional({ example: '2026-05-01T08:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startedAt?: string;

  @ApiPropertyOptional({ example: '2026-05-01T10:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endedAt?: string;
}
