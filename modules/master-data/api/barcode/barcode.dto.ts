import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsDecimalString } from '@mes/platform';
import type { LabelTarget, Symbology } from './label-rule.entity';

export const LABEL_TARGETS: LabelTarget[] = ['item', 'location', 'lot'];
export const SYMBOLOGIES: Symbology[] = ['code128', 'qrcode'];

export class LabelRuleDto {
  @ApiProperty({ enum: SYMBOLOGIES })
  @IsIn(SYMBOLOGIES)
  symbology!: Symbology;

  @ApiPropertyOptional({
    example: 'L:',
    description: 'prepended to the code in the barcode; the scan lookup strips it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  @Matches(/^[A-Za-z0-9:\-_.]*$/, { message: 'prefix may hold letters, digits and : - _ . only' })
  prefix?: string;

  @ApiPropertyOptional({ example: '60' })
  @IsOptional()
  @IsDecimalString({ scale: 2, min: '20', max: '200' })
  widthMm?: string;

  @ApiPropertyOptional({ example: '40' })
  @IsOptional()
  @IsDecimalString({ scale: 2, min: '10', max: '200' })
  heightMm?: string;
}

export class BarcodeLookupQueryDto {
  @ApiProperty({ example: '6901234567892', description: 'what the scanner typed' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  code!: string;
}

export class LabelsQueryDto {
  @ApiProperty({ enum: LABEL_TARGETS })
  @IsIn(LABEL_TARGETS)
  target!: LabelTarget;

  @ApiProperty({
    description: 'item codes, WAREHOUSE/LOCATION or ITEM/LOT references; comma-separated in the query',
    type: [String],
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(130, { each: true })
  codes!: string[];

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  copies?: number;
}
