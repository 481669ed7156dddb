import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { trimString } from '../shared/trim';

export class CreateUnitDto {
  @ApiProperty({ example: '箱' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  code!: string;

  @ApiProperty({ example: '箱' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 6, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(6)
  precision?: number;
}

export class UpdateUnitDto extends PartialType(CreateUnitDto) {}
