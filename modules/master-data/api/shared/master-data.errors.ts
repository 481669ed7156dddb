import { ConflictError, NotFoundError } from '@mes/platform';
import { ErrorCode } from '@mes/shared';

export class DuplicateCodeError extends ConflictError {
  constructor(what: string, code: string, field = 'code') {
    super(ErrorCode.DUPLICATE_CODE, `${what}编码 ${code} 已存在 / ${field} ${code} already exists`, [
      { field, message: `${code} already exists` },
    ]);
  }
}

export class InUseError extends ConflictError {
  constructor(what: string, usedBy: string) {
    super(ErrorCode.IN_USE, `${what}正被${usedBy}使用，不能删除 / still used by ${usedBy}`);
  }
}

export class RecordNotFoundError extends NotFoundError {}
