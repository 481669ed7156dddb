import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ErrorCode, type ApiErrorBody } from '@mes/shared';
import { DomainError, TooManyRequestsError } from './domain-error';

/** PostgreSQL SQLSTATEs that mean the input was bad, not the server. */
const PG_BAD_INPUT = new Set(['22P02', '22003', '22007', '22008', '22001', '22023']);

/** Maps every error to the one error body of API-CONTRACT.md. The only place errors meet HTTP. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(error);
    if (error instanceof TooManyRequestsError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    if (body.statusCode >= 500)
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  private toBody(error: unknown): ApiErrorBody {
    if (error instanceof DomainError) {
      return {
        statusCode: error.status,
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return { statusCode: status, code: codeForStatus(status), message: error.message };
    }
    if (error instanceof QueryFailedError) {
      const code = (error.driverError as { code?: string } | undefined)?.code;
      if (code && PG_BAD_INPUT.has(code)) {
        return {
          statusCode: 400,
          code: ErrorCode.VALIDATION_FAILED,
          message: '请求参数不合法 / invalid request',
        };
      }
    }
    return { statusCode: 500, code: ErrorCode.INTERNAL_ERROR, message: '服务器内部错误 / internal error' };
  }
}

const CODE_BY_STATUS: Partial<Record<number, string>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.VALIDATION_FAILED,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.UNAUTHENTICATED,
  [HttpStatus.FORBIDDEN]: ErrorCode.FORBIDDEN,
  [HttpStatus.NOT_FOUND]: ErrorCode.NOT_FOUND,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PAYLOAD_TOO_LARGE,
};

function codeForStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.INTERNAL_ERROR : `HTTP_${status}`);
}
