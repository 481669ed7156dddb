import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsDecimalString, PageQueryDto } from '@mes/platform';
import type { MrpForecastInput } from '@mes/shared';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class MrpForecastDto implements MrpForecastInput {
  @ApiProperty({ example: 'DRILL-18V' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  itemCode!: string;

  @ApiProperty({ example: '200', description: '> 0' })
  @IsDecimalString({ min: '0', minExclusive: true })
  qty!: string;

  @ApiProperty({ example: '2026-12-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property must be a valid date' })
  dueDate!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class MrpForecastQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) itemCode?: string;
}
