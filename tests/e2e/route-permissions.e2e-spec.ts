import { Controller, Get, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { RouteAccessAudit } from '@mes/platform';
import { MODULES } from '../../apps/api/src/modules.registry';
import { startTestApp, type TestApp } from './support/test-app';

@Controller('forgotten')
class ForgottenController {
  @Get()
  open(): string {
    return 'anyone?';
  }
}

@Module({ controllers: [ForgottenController] })
class ForgottenModule {}

describe('every route declares who may call it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds no route without @Public or a known @RequirePermission in the whole app', () => {
    const audit = t.app.get(RouteAccessAudit);
    expect(audit.routes().length).toBeGreaterThan(15);
    expect(audit.routes()).toContainEqual({
      route: 'AuthController.login',
      method: 'POST',
      path: '/auth/login',
      access: 'public',
    });
    expect(audit.routes()).toContainEqual(
      expect.objectContaining({ route: 'SubscriptionsController.subscribe', access: 'subscriptions:write' }),
    );
    expect(audit.unguarded()).toEqual([]);
  });

  it('the audit catches a route that names no permission', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule, ForgottenModule],
      providers: [RouteAccessAudit],
    }).compile();
    expect(moduleRef.get(RouteAccessAudit).unguarded()).toEqual(['ForgottenController.open']);
  });

  it('the app refuses to start with such a route', async () => {
    const extra = {
      manifest: { ...MODULES[0]!.manifest, key: 'reports' },
      apiModule: ForgottenModule,
      entities: [],
      migrations: [],
    };
    await expect(startTestApp([...MODULES, extra])).rejects.toThrow(/ForgottenController\.open/);
  });
});
