import {
  HttpException,
  HttpStatus,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { fileError, FileTooLargeError } from './import-export.errors';
import { MAX_FILE_BYTES } from './import-export.types';

/** Nest's FileInterceptor for the multipart field `file`, kept in memory. */
const Multipart = FileInterceptor('file', {
  limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, parts: 20 },
});

/**
 * The upload of an import (multipart field `file`, at most 20 MB, in memory), with multer's
 * failures answered in the contract's error body: 413 PAYLOAD_TOO_LARGE for a file over the limit,
 * 400 naming the field `file` for any other malformed upload.
 */
@Injectable()
export class ImportUploadInterceptor implements NestInterceptor {
  private readonly multipart = new Multipart();

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multipart.intercept(ctx, next);
    } catch (error) {
      if (error instanceof HttpException) {
        if (error.getStatus() === (HttpStatus.PAYLOAD_TOO_LARGE as number))
          throw new FileTooLargeError(MAX_FILE_BYTES / 1024 / 1024);
        throw fileError(`上传内容无法解析 / malformed upload: ${error.message}`);
      }
      if (error instanceof Error && /multipart|boundary|unexpected end/i.test(error.message))
        throw fileError(`上传内容无法解析 / malformed upload: ${error.message}`);
      throw error;
    }
  }
}
