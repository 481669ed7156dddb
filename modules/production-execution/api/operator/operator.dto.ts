import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import type { CreateOperatorInput, IdentifyOperatorInput, UpdateOperatorInput } from '@mes/shared';
import { TrimString } from '../shared/dto-helpers';

const PIN = /^\d{4,8}$/;
const PIN_MESSAGE = '$property must be 4–8 digits';
const CODE = /^[\p{L}\p{N}][\p{L}\p{N}\-_.]*$/u;

export class CreateOperatorDto implements CreateOperatorInput {
  @ApiProperty({ example: 'OP-001', description: 'unique per tenant' })
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @Matches(CODE, { message: '$property may hold letters, digits and - _ .' })
  code!: string;

  @ApiProperty({ example: '张伟' })
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: 'B-100234', description: 'the badge (工牌) barcode; unique per tenant' })
  @IsOptional()
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  badge?: string | null;

  @ApiPropertyOptional({ example: '1234', description: '4–8 digits' })
  @IsOptional()
  @IsString()
  @Matches(PIN, { message: PIN_MESSAGE })
  pin?: string | null;
}

/** Every field optional; null clears the badge or the PIN. */
export class UpdateOperatorDto implements UpdateOperatorInput {
  @ApiPropertyOptional({ example: '张伟' })
  @IsOptional()
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: 'B-100234', nullable: true })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  badge?: string | null;

  @ApiPropertyOptional({ example: '1234', nullable: true })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsString()
  @Matches(PIN, { message: PIN_MESSAGE })
  pin?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** `{ badge }` or `{ code, pin }`. */
export class IdentifyOperatorDto implements IdentifyOperatorInput {
  @ApiPropertyOptional({ example: 'B-100234' })
  @IsOptional()
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  badge?: string;

  @ApiPropertyOptional({ example: 'OP-001' })
  @IsOptional()
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  code?: string;

  @ApiPropertyOptional({ example: '1234' })
  @IsOptional()
  @IsString()
  @Matches(PIN, { message: PIN_MESSAGE })
  pin?: string;
}
