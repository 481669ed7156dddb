import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@mes/platform';

export class VersionPageDto extends PageQueryDto {}

export class GanttQueryDto {
  @ApiPropertyOptional({ description: 'show from (ISO date-time); default the schedule start' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'show until (ISO date-time); default the last end' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class CompareQueryDto {
  @ApiProperty({ description: 'comma-separated version ids (2–5)', example: 'id1,id2' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value,
  )
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(5)
  @IsUUID('all', { each: true })
  ids!: string[];
}
