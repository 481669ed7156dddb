import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDecimalString } from '@mes/platform';
import { MOVEMENT_TYPES, type MovementType } from '@mes/shared';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const LOT = /^[\p{L}\p{N}][\p{L}\p{N}\-_.:]*$/u;

class MovementLineFields {
  @ApiProperty({ example: 'MTR-550' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  itemCode!: string;

  @ApiPropertyOptional({ example: 'A-01' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  locationCode?: string;

  @ApiPropertyOptional({ example: '20261121-01' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(64)
  @Matches(LOT, { message: 'lot may hold letters, digits and - _ . : only' })
  lot?: string;

  @ApiProperty({ example: '10', description: '> 0; signed for adjustment' })
  @IsDecimalString()
  qty!: string;

  @ApiPropertyOptional({ description: 'transfer: destination warehouse (default: the same)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  toWarehouseCode?: string;

  @ApiPropertyOptional({ description: 'transfer: destination location' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  toLocationCode?: string;
}

export class CreateMovementDto extends MovementLineFields {
  @ApiProperty({ enum: MOVEMENT_TYPES })
  @IsIn(MOVEMENT_TYPES)
  type!: MovementType;

  @ApiProperty({ example: 'WH-RM' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  warehouseCode!: string;

  @ApiPropertyOptional({ description: 'the document this movement belongs to (PO, SO, WO number…)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ref?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class MovementBatchLineDto extends MovementLineFields {}

export class CreateMovementBatchDto {
  @ApiProperty({ enum: MOVEMENT_TYPES })
  @IsIn(MOVEMENT_TYPES)
  type!: MovementType;

  @ApiProperty({ example: 'WH-RM' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  warehouseCode!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ref?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;

  @ApiProperty({ type: [MovementBatchLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => MovementBatchLineDto)
  lines!: MovementBatchLineDto[];
}
