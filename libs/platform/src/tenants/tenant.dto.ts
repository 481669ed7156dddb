import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;

export class CreateTenantDto {
  @ApiProperty({ example: 'acme', description: '2–40 lower-case letters, digits, hyphens' })
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'slug must be 2–40 lower-case letters, digits or hyphens' })
  slug!: string;

  @ApiProperty({ example: '宁波某某电器有限公司' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'admin@acme.test' })
  @IsEmail()
  @MaxLength(254)
  adminEmail!: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  adminPassword!: string;

  @ApiPropertyOptional({ example: '家用电器' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string;
}

export class PageQueryDto {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize: number = 50;
}
