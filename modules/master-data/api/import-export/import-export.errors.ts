import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ConflictError, DomainError, ValidationFailedError } from '@mes/platform';
import { ErrorCode, type ApiErrorBody } from '@mes/shared';
import type { ImportReport } from './import-export.types';

export const IMPORT_INVALID = 'IMPORT_INVALID';
export const IMPORT_CONFLICT = 'IMPORT_CONFLICT';

/**
 * 400 IMPORT_INVALID: some rows are bad, nothing was imported. `details` lists them as
 * `{ field: "row 7: baseUnit", message }`; the body also carries the whole `report`.
 */
export class ImportInvalidError extends DomainError {
  readonly status = 400;

  constructor(readonly report: ImportReport) {
    super(
      IMPORT_INVALID,
      `导入文件有 ${report.errorCount} 处错误，未导入任何数据 / ${report.errorCount} errors in the file; nothing was imported`,
      report.errors.map((e) => ({ field: `row ${e.row}: ${e.field}`, message: e.message })),
    );
  }
}

/** 409 IMPORT_CONFLICT: the data changed under the import (a concurrent edit); nothing was written. */
export class ImportConflictError extends ConflictError {
  constructor() {
    super(
      IMPORT_CONFLICT,
      '导入期间数据被其他操作修改，未导入任何数据，请重试 / the data changed during the import; nothing was written, retry',
    );
  }
}

/** 413 for an upload over the size limit, in the contract's error body. */
export class FileTooLargeError extends DomainError {
  readonly status = 413;
  constructor(limitMb: number) {
    super(ErrorCode.PAYLOAD_TOO_LARGE, `文件超过 ${limitMb} MB / the file is larger than ${limitMb} MB`, [
      { field: 'file', message: `at most ${limitMb} MB` },
    ]);
  }
}

export const fileError = (message: string): ValidationFailedError =>
  new ValidationFailedError([{ field: 'file', message }]);

/**
 * The contract's error body for ImportInvalidError plus the full report. Bound to the import
 * controller only; every other error goes on to the global HttpErrorFilter.
 */
@Catch(ImportInvalidError)
export class ImportInvalidFilter implements ExceptionFilter<ImportInvalidError> {
  catch(error: ImportInvalidError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body: ApiErrorBody & { report: ImportReport } = {
      statusCode: error.status,
      code: error.code,
      message: error.message,
      details: error.details ?? [],
      report: error.report,
    };
    if (!res.headersSent) res.status(error.status).json(body);
  }
}
