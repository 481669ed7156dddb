import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { PasswordService, PlatformCoreModule, TenantsService, UserEntity } from '@mes/platform';
import { newId, Role } from '@mes/shared';
import { MODULES } from '../modules.registry';

@Module({ imports: [PlatformCoreModule.forRoot(MODULES), ...MODULES.map((m) => m.apiModule)] })
class SeedModule {}

/**
 * The demo logins of API-CONTRACT.md into an empty database, then each module's demo data for the
 * `demo` tenant (each seeder skips data it already finds). Returns what it did.
 */
export async function seedDemo(): Promise<{ logins: boolean; modules: string[] }> {
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const dataSource = app.get(DataSource);
    const logins = await seedLogins(app.get(DataSource), app.get(PasswordService), app.get(TenantsService));
    const [demo] = await dataSource.query<{ id: string }[]>(
      `SELECT id FROM platform.tenants WHERE slug = 'demo'`,
    );
    const modules: string[] = [];
    for (const module of MODULES) {
      if (demo && module.demoSeeder && (await app.get(module.demoSeeder).seedDemo(demo.id)))
        modules.push(module.manifest.key);
    }
    return { logins, modules };
  } finally {
    await app.close();
  }
}

async function seedLogins(
  dataSource: DataSource,
  passwords: PasswordService,
  tenants: TenantsService,
): Promise<boolean> {
  const [row] = await dataSource.query<{ count: string }[]>(
    `SELECT count(*)::text AS count FROM platform.users`,
  );
  if (row?.count !== '0') return false;
  await dataSource.manager.insert(UserEntity, {
    id: newId(),
    email: 'operator@platform.test',
    name: '平台运营',
    passwordHash: await passwords.hash('Operator#2026'),
    platformRoles: [Role.PLATFORM_OPERATOR],
    locale: 'zh-CN',
  });
  const demo = await tenants.create(
    {
      slug: 'demo',
      name: '演示工厂',
      adminEmail: 'admin@demo.test',
      adminPassword: 'Demo#2026',
      industry: '电动工具',
    },
    null,
  );
  const demo2 = await tenants.create(
    {
      slug: 'demo2',
      name: '演示工厂二',
      adminEmail: 'contractor@demo.test',
      adminPassword: 'Contractor#2026',
      industry: '家用电器',
    },
    null,
  );
  const contractor = { email: 'contractor@demo.test', name: '数字化总包商', password: 'Contractor#2026' };
  await tenants.addMember(demo2.id, { ...contractor, roles: [Role.CONTRACTOR, Role.TENANT_ADMIN] });
  await tenants.addMember(demo.id, { ...contractor, roles: [Role.CONTRACTOR] });
  await tenants.addMember(demo.id, {
    email: 'lead@demo.test',
    name: '车间班组长',
    password: 'Lead#2026',
    roles: [Role.OPERATOR],
  });
  await dataSource.query(
    `UPDATE platform.users SET name = CASE email WHEN 'admin@demo.test' THEN '工厂管理员' ELSE '数字化总包商' END
      WHERE email IN ('admin@demo.test', 'contractor@demo.test')`,
  );
  return true;
}
