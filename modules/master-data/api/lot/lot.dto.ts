import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '@mes/platform';
import { trimString } from '../shared/trim';

/** Lot numbers: no spaces and no "/", which separates item and lot on lot labels. */
export const LOT_NO_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\-_.:]*$/u;

export class CreateLotDto {
  @ApiProperty({ example: 'WIR-CU05' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  itemCode!: string;

  @ApiProperty({ example: '20261121-01' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(LOT_NO_PATTERN, { message: 'lotNo may hold letters, digits and - _ . : only' })
  lotNo!: string;

  @ApiPropertyOptional({ example: 'JL2611-0457' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  supplierLot?: string;

  @ApiPropertyOptional({ nullable: true, example: 'S-JLXC' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  supplierCode?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2026-11-20' })
  @IsOptional()
  @IsDateString({ strict: true })
  manufacturedOn?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2027-11-20' })
  @IsOptional()
  @IsDateString({ strict: true })
  expiresOn?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class LotQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  itemCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  lotNo?: string;
}
