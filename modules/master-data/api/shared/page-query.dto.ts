import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@mes/platform';

export class SearchPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'search in code and name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
