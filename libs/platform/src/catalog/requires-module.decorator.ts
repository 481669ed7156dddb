import { SetMetadata } from '@nestjs/common';
import { REQUIRES_MODULE_KEY } from './module-manifest';

/**
 * Put on a module's controllers: the tenant needs an active subscription to `key` (else 403). With
 * several keys any one of them opens the routes (two catalog modules sharing one implementation,
 * e.g. 主生产计划 and 车间计划管理); usage is counted against the one the tenant holds.
 */
export const RequiresModule = (key: string, ...alternatives: string[]): ClassDecorator & MethodDecorator =>
  SetMetadata(REQUIRES_MODULE_KEY, alternatives.length === 0 ? key : [key, ...alternatives]);

/** The module keys stored by RequiresModule (one or several). */
export function requiredModuleKeys(metadata: string | readonly string[] | undefined): readonly string[] {
  if (metadata === undefined) return [];
  return typeof metadata === 'string' ? [metadata] : metadata;
}
