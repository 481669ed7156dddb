import { ErrorCode, type ApiErrorDetail } from '@mes/shared';

/**
 * Every expected failure is a typed domain error carrying its HTTP status and stable code.
 * They are mapped to HTTP once, in HttpErrorFilter; services never throw HttpException.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    message: string,
    readonly details?: ApiErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  readonly status = 400;
  constructor(details: ApiErrorDetail[], message = '请求参数不合法 / invalid request') {
    super(ErrorCode.VALIDATION_FAILED, message, details);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  constructor(code: string = ErrorCode.UNAUTHENTICATED, message = '未登录或登录已过期 / not authenticated') {
    super(code, message);
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  constructor(
    code: string = ErrorCode.FORBIDDEN,
    message = '无权执行此操作 / forbidden',
    details?: ApiErrorDetail[],
  ) {
    super(code, message, details);
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(what: string) {
    super(ErrorCode.NOT_FOUND, `${what} 不存在 / not found`);
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
}

/** 409 INVALID_STATUS: a document is not in a state that allows the action (e.g. receiving a draft PO). */
export class InvalidStatusError extends ConflictError {
  constructor(what: string, status: string, action: string) {
    super(
      ErrorCode.INVALID_STATUS,
      `${what}当前状态为 ${status}，不能${action} / ${what} is ${status}: cannot ${action}`,
      [{ field: 'status', message: `is ${status}` }],
    );
  }
}

export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(ErrorCode.TOO_MANY_ATTEMPTS, message);
  }
}
