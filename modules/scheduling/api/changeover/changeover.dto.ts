import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { ChangeoverInput, ItemFamilyInput } from '@mes/shared';

export class ItemFamilyDto implements ItemFamilyInput {
  @ApiProperty({ example: 'FG-100' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  itemCode!: string;

  @ApiProperty({ example: '红色' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  family!: string;
}

export class ChangeoverDto implements ChangeoverInput {
  @ApiPropertyOptional({ example: 'PRESS-01', description: 'omitted: every work center' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  workCenterCode?: string;

  @ApiProperty({ example: '红色' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  fromFamily!: string;

  @ApiProperty({ example: '蓝色' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  toFamily!: string;

  @ApiProperty({ example: 30, minimum: 0, maximum: 10080 })
  @IsInt()
  @Min(0)
  @Max(10080)
  minutes!: number;
}

/** `PUT /scheduling/changeovers`: replaces the families and the changeover matrix. */
export class ChangeoverSettingsDto {
  @ApiProperty({ type: [ItemFamilyDto] })
  @IsArray()
  @ArrayMaxSize(20000)
  @ValidateNested({ each: true })
  @Type(() => ItemFamilyDto)
  families!: ItemFamilyDto[];

  @ApiProperty({ type: [ChangeoverDto] })
  @IsArray()
  @ArrayMaxSize(20000)
  @ValidateNested({ each: true })
  @Type(() => ChangeoverDto)
  changeovers!: ChangeoverDto[];
}
