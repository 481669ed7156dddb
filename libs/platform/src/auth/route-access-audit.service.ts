import { Injectable, Optional, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PERMISSION_KEY, PUBLIC_KEY } from './access.decorators';
import { PermissionRegistry } from './permission-registry.service';

export interface RouteAccess {
  route: string;
  method: string;
  path: string;
  access: string | null;
}

/**
 * Lists every route handler and whether it declares who may call it: @Public, or a permission the
 * registry knows. The HTTP app refuses to start when one does not (see createHttpApp).
 */
@Injectable()
export class RouteAccessAudit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Optional() private readonly registry?: PermissionRegistry,
  ) {}

  routes(): RouteAccess[] {
    const result: RouteAccess[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const metatype = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!metatype) continue;
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined)
          continue;
        const targets = [handler, metatype];
        const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets);
        const permission = this.reflector.getAllAndOverride<string | undefined>(PERMISSION_KEY, targets);
        const known = permission && (!this.registry || this.registry.isKnown(permission));
        const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
        const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        result.push({
          route: `${metatype.name}.${name}`,
          method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod],
          path: `/${[base, sub].filter((p) => p && p !== '/').join('/')}`,
          access: isPublic ? 'public' : known ? permission : null,
        });
      }
    }
    return result;
  }

  unguarded(): string[] {
    return this.routes()
      .filter((r) => r.access === null)
      .map((r) => r.route);
  }

  assertAllGuarded(): void {
    const missing = this.unguarded();
    if (missing.length)
      throw new Error(`routes without @Public or a known @RequirePermission: ${missing.join(', ')}`);
  }
}
