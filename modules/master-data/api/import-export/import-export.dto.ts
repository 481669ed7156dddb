import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FILE_FORMATS, type FileFormat } from './import-export.types';

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'validate and report only, write nothing' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

export class FileFormatQueryDto {
  @ApiPropertyOptional({ enum: FILE_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(FILE_FORMATS)
  format?: FileFormat;
}
