import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '@mes/platform';
import type { ArticleStatus } from './article.entity';

const STATUSES: ArticleStatus[] = ['draft', 'published'];
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateArticleDto {
  @ApiProperty({ example: '注塑机换模作业指导' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '作业指导' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  category!: string;

  @ApiPropertyOptional({ type: [String], example: ['注塑', '换模'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  content?: string;

  @ApiPropertyOptional({ enum: STATUSES, default: 'draft' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: ArticleStatus;
}

export class UpdateArticleDto extends PartialType(CreateArticleDto) {}

export class ArticleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'search in title, content and tags' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  category?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: ArticleStatus;
}

export interface ArticleView {
  id: string;
  title: string;
  category: string;
  tags: string[];
  content: string;
  status: ArticleStatus;
  createdAt: string;
  updatedAt: string;
}
