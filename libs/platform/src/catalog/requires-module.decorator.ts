import { SetMetadata } from '@nestjs/common';
import { REQUIRES_MODULE_KEY } from './module-manifest';

/** Put on a module's controllers: the tenant needs an active subscription to `key` (else 403). */
export const RequiresModule = (key: string): ClassDecorator & MethodDecorator =>
  SetMetadata(REQUIRES_MODULE_KEY, key);
