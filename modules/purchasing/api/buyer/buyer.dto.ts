import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '@mes/platform';
import { CODE_PATTERN, Trim } from '../shared/dto-rules';

export class CreateBuyerDto {
  @ApiProperty({ example: 'B01' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'code may hold letters, digits and - _ . / only' })
  code!: string;

  @ApiProperty({ example: '王采购' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ example: 'buyer@factory.cn' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  @ValidateIf((_, v) => v !== '')
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateBuyerDto extends PartialType(CreateBuyerDto) {}

export class BuyerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'search code and name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}
