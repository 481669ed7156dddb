import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CODE_PATTERN } from '../item/item.dto';
import { trimString } from '../shared/trim';

export class LocationDto {
  @ApiProperty({ example: 'A-01-01' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'code may hold letters, digits and - _ . / only' })
  code!: string;

  @ApiProperty({ example: 'A区1排1层' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;
}

export class CreateWarehouseDto {
  @ApiProperty({ example: 'WH-RM' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'code may hold letters, digits and - _ . / only' })
  code!: string;

  @ApiProperty({ example: '原材料仓' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;

  @ApiPropertyOptional({ description: 'stock in this warehouse may go below zero (default false)' })
  @IsOptional()
  @IsBoolean()
  allowNegativeStock?: boolean;

  @ApiPropertyOptional({
    type: [LocationDto],
    description: 'on update: the complete list, replacing the old one',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => LocationDto)
  locations?: LocationDto[];
}

export class UpdateWarehouseDto extends PartialType(CreateWarehouseDto) {}
