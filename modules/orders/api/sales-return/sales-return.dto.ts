import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { ReturnLineInput, SalesReturnInput } from '@mes/shared';
import { TrimString } from '../shared/dto-helpers';
import { OrderLineQtyDto } from '../shipment/shipment.dto';

export class ReturnLineDto extends OrderLineQtyDto implements ReturnLineInput {
  @ApiPropertyOptional({ description: 'default: the warehouse the line was shipped from' })
  @IsOptional()
  @TrimString()
  @IsString()
  @MaxLength(40)
  warehouseCode?: string;
}

export class SalesReturnDto implements SalesReturnInput {
  @ApiProperty({ example: '外壳划伤' })
  @TrimString()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason!: string;

  @ApiProperty({ type: [ReturnLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ReturnLineDto)
  lines!: ReturnLineDto[];
}
