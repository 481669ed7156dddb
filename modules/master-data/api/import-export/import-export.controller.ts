import {
  Controller,
  Get,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  NoTenantTransaction,
  NotFoundError,
  RequirePermission,
  RequiresModule,
  TenantActor,
  type Actor,
} from '@mes/platform';
import { MASTER_DATA_KEY, MasterDataPermission } from '../manifest';
import type { SheetFile } from './export.service';
import { MasterDataExportService } from './export.service';
import { fileError, ImportInvalidFilter } from './import-export.errors';
import { FileFormatQueryDto, ImportQueryDto } from './import-export.dto';
import { isImportKind, type ImportKind, type ImportReport } from './import-export.types';
import { ImportUploadInterceptor } from './import-upload.interceptor';
import { MasterDataImportService, type ImportTimings } from './import.service';
import type { UploadedSheetFile } from './sheet';

type TenantCaller = Actor & { tenantId: string };

const kindOf = (kind: string): ImportKind => {
  if (!isImportKind(kind)) throw new NotFoundError(`导入类型 ${kind.slice(0, 40)} / import kind`);
  return kind;
};

/** RFC 5987 Content-Disposition for a download. */
function download(res: Response, file: SheetFile): StreamableFile {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  );
  return new StreamableFile(file.body);
}

/**
 * Spreadsheet import and export of master data (items, BOM lines, routings, customers, suppliers).
 * No request-wide transaction: the upload is received and parsed first, then validation and writing
 * run in one tenant transaction of their own (TenantDb.runInTenant), so a slow upload or a large
 * file being parsed holds no database connection and no lock.
 */
@ApiTags('master-data')
@ApiBearerAuth()
@RequiresModule(MASTER_DATA_KEY)
@NoTenantTransaction()
@Controller('master-data')
export class ImportExportController {
  constructor(
    private readonly imports: MasterDataImportService,
    private readonly exports: MasterDataExportService,
  ) {}

  /**
   * Imports a .xlsx or .csv file (multipart field `file`). 201 with the report when applied, 200 for
   * a dry run; 400 IMPORT_INVALID with every bad row (and the report) when any row is bad — then
   * nothing is written.
   */
  @RequirePermission(MasterDataPermission.WRITE)
  @Post('imports/:kind')
  @UseInterceptors(ImportUploadInterceptor)
  @UseFilters(ImportInvalidFilter)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: '.xlsx or .csv, at most 20 MB' } },
    },
  })
  async importFile(
    @TenantActor() actor: TenantCaller,
    @Param('kind') kind: string,
    @Query() query: ImportQueryDto,
    @UploadedFile() file: UploadedSheetFile | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportReport> {
    const what = kindOf(kind);
    if (!file) throw fileError('请上传文件(字段 file) / upload the file in the multipart field "file"');
    const dryRun = query.dryRun === 'true';
    const { report, timings } = await this.imports.import(actor.tenantId, what, file, dryRun);
    res.status(dryRun ? 200 : 201);
    res.setHeader('Server-Timing', serverTiming(timings));
    return report;
  }

  /** An empty file in the import layout of `kind`, with one example row. */
  @RequirePermission(MasterDataPermission.READ)
  @Get('imports/:kind/template')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  async template(
    @Param('kind') kind: string,
    @Query() query: FileFormatQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return download(res, await this.exports.template(kindOf(kind), query.format ?? 'xlsx'));
  }

  /** Everything of `kind`, in the import layout (an export imports back unchanged). */
  @RequirePermission(MasterDataPermission.READ)
  @Get('exports/:kind')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  async exportFile(
    @TenantActor() actor: TenantCaller,
    @Param('kind') kind: string,
    @Query() query: FileFormatQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return download(res, await this.exports.export(actor.tenantId, kindOf(kind), query.format ?? 'xlsx'));
  }
}

function serverTiming(t: ImportTimings): string {
  return `parse;dur=${t.parse}, validate;dur=${t.validate}, write;dur=${t.write}`;
}
