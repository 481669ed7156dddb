import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { RushOrderInput } from '@mes/shared';

export class RushOrderDto implements RushOrderInput {
  @ApiProperty({ example: 'FG-100' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  itemCode!: string;

  @ApiProperty({ example: '50', description: 'decimal string, > 0, at most 6 decimals' })
  @IsString()
  @Matches(/^(?!0+(\.0+)?$)\d{1,12}(\.\d{1,6})?$/, {
    message: '$property must be a decimal > 0 with at most 6 decimals',
  })
  qty!: string;

  @ApiProperty({ example: '2026-12-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property must be a valid date' })
  dueDate!: string;
}
