import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDecimalString, PageQueryDto } from '@mes/platform';
import { VERSION_PATTERN } from '../bom/bom.dto';
import { trimString } from '../shared/trim';

export class RoutingAlternativeDto {
  @ApiProperty({ example: 'CNC-02' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  workCenterCode!: string;

  @ApiProperty({ example: '2.5', description: 'run minutes per unit on this work center' })
  @IsDecimalString({ min: '0' })
  runMinutes!: string;
}

export class RoutingOperationDto {
  @ApiProperty({ example: 10 })
  @IsInt()
  @Min(1)
  @Max(9999)
  seq!: number;

  @ApiProperty({ example: '车外圆' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'CNC-01' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  workCenterCode!: string;

  @ApiPropertyOptional({ example: '30' })
  @IsOptional()
  @IsDecimalString({ min: '0' })
  setupMinutes?: string;

  @ApiProperty({ example: '2', description: 'run minutes per unit' })
  @IsDecimalString({ min: '0' })
  runMinutes!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDecimalString({ min: '0' })
  queueMinutes?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDecimalString({ min: '0' })
  moveMinutes?: string;

  @ApiPropertyOptional({ example: '数控车工' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  skill?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  inspectionPoint?: boolean;

  @ApiPropertyOptional({ default: true, description: 'may the work pause over a break / shift end (可跨班)' })
  @IsOptional()
  @IsBoolean()
  spanBreaks?: boolean;

  @ApiPropertyOptional({ description: 'link to the SOP / work instruction' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  sopUrl?: string;

  @ApiPropertyOptional({ type: [RoutingAlternativeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RoutingAlternativeDto)
  alternatives?: RoutingAlternativeDto[];
}

export class RoutingOperationsDto {
  @ApiPropertyOptional({ example: '1' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  @Matches(VERSION_PATTERN, { message: 'version may hold letters, digits and - _ . only' })
  version?: string;

  @ApiProperty({ type: [RoutingOperationDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RoutingOperationDto)
  operations!: RoutingOperationDto[];
}

export class CreateRoutingDto extends RoutingOperationsDto {
  @ApiProperty({ example: 'DRILL-13' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  itemCode!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class RoutingQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  itemCode?: string;
}
