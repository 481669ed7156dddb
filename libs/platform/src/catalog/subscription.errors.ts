import { ErrorCode } from '@mes/shared';
import { ConflictError, NotFoundError } from '../errors/domain-error';

export class ModuleNotFoundError extends NotFoundError {
  constructor(key: string) {
    super(`模块 ${key}`);
  }
}

export class ModuleNotAvailableError extends ConflictError {
  constructor(key: string) {
    super(
      ErrorCode.MODULE_NOT_AVAILABLE,
      `模块 ${key} 尚未上线，暂不能订阅 / module ${key} is not available yet`,
    );
  }
}

export class ModuleAlwaysOnError extends ConflictError {
  constructor(key: string) {
    super(ErrorCode.MODULE_ALWAYS_ON, `模块 ${key} 始终开通，无需订阅或退订 / module ${key} is always on`);
  }
}

export class AlreadySubscribedError extends ConflictError {
  constructor(key: string) {
    super(ErrorCode.ALREADY_SUBSCRIBED, `已订阅模块 ${key} / module ${key} is already subscribed`);
  }
}

export class ModuleDependencyMissingError extends ConflictError {
  constructor(key: string, missing: string[]) {
    super(
      ErrorCode.MODULE_DEPENDENCY_MISSING,
      `订阅 ${key} 需要先订阅：${missing.join('、')} / ${key} needs: ${missing.join(', ')}`,
      missing.map((dep) => ({ field: 'dependsOn', message: dep })),
    );
  }
}

export class ModuleRequiredByOthersError extends ConflictError {
  constructor(key: string, dependents: string[]) {
    super(
      ErrorCode.MODULE_REQUIRED_BY_OTHERS,
      `以下已订阅模块依赖 ${key}，请先退订它们：${dependents.join('、')} / ${key} is needed by: ${dependents.join(', ')}`,
      dependents.map((dep) => ({ field: 'dependents', message: dep })),
    );
  }
}

export class SubscriptionNotFoundError extends NotFoundError {
  constructor(key: string) {
    super(`模块 ${key} 的有效订阅`);
  }
}
