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

/** `%`, `_` and `\` taken literally in ILIKE patterns. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
