import { DataSource } from 'typeorm';
import { newId } from '@mes/shared';
import { TenantDb, TenantsService } from '@mes/platform';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Tenancy is enforced by PostgreSQL: the app role is bound by row-level security, so a query that
 * forgets its tenant filter still sees only its own tenant's rows, and cannot write another's.
 */
describe('tenancy enforced by PostgreSQL row-level security', () => {
  let t: TestApp;
  let db: TenantDb;
  let dataSource: DataSource;
  let tenantA: string;
  let tenantB: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(TenantDb);
    dataSource = t.app.get(DataSource);
    const tenants = t.app.get(TenantsService);
    const suffix = Date.now().toString(36);
    tenantA = (
      await tenants.create(
        { slug: `rls-a-${suffix}`, name: 'A', adminEmail: `a-${suffix}@x.test`, adminPassword: 'Password#1' },
        null,
      )
    ).id;
    tenantB = (
      await tenants.create(
        { slug: `rls-b-${suffix}`, name: 'B', adminEmail: `b-${suffix}@x.test`, adminPassword: 'Password#1' },
        null,
      )
    ).id;
    for (const tenantId of [tenantA, tenantB]) {
      await db.runInTenant(tenantId, (m) =>
        m.query(
          `INSERT INTO audit_events (tenant_id, id, action, entity) VALUES ($1, $2, 'test.row', 'test')`,
          [tenantId, newId()],
        ),
      );
    }
  });

  afterAll(() => t.close());

  it('connects as a role that is neither superuser nor BYPASSRLS', async () => {
    const [role] = await dataSource.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }[]>(
      `SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({ rolname: 'mes_app', rolsuper: false, rolbypassrls: false });
  });

  it("a query with no tenant filter inside tenant A's context returns none of B's rows", async () => {
    const rows = await db.runInTenant(tenantA, (m) =>
      m.query<{ tenant_id: string }[]>(`SELECT tenant_id FROM audit_events`),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([tenantA]));
  });

  it('outside any tenant context no tenant rows are visible at all', async () => {
    const rows = await dataSource.query<unknown[]>(`SELECT * FROM audit_events`);
    expect(rows).toHaveLength(0);
  });

  it("an insert carrying B's tenant_id from A's context is refused by the database", async () => {
    await expect(
      db.runInTenant(tenantA, (m) =>
        m.query(
          `INSERT INTO audit_events (tenant_id, id, action, entity) VALUES ($1, $2, 'forged', 'test')`,
          [tenantB, newId()],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const forged = await db.runInTenant(tenantB, (m) =>
      m.query<unknown[]>(`SELECT 1 FROM audit_events WHERE action = 'forged'`),
    );
    expect(forged).toHaveLength(0);
  });

  it("an update from A's context cannot touch B's rows, nor move A's rows to B", async () => {
    const touched = await db.runInTenant(tenantA, (m) =>
      m.query<[unknown[], number]>(`UPDATE audit_events SET action = 'hijacked' WHERE tenant_id = $1`, [
        tenantB,
      ]),
    );
    expect(touched[1]).toBe(0);
    await expect(
      db.runInTenant(tenantA, (m) =>
        m.query(`UPDATE audit_events SET tenant_id = $1 WHERE tenant_id = $2`, [tenantB, tenantA]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('every tenant-owned table outside the platform schema has RLS enabled and forced', async () => {
    const tables = await dataSource.query<
      { name: string; enabled: boolean; forced: boolean; policies: number }[]
    >(
      `SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname NOT IN ('platform', 'pg_catalog', 'information_schema')
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)`,
    );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['audit_events', 'job_runs', 'idempotency_records']),
    );
    for (const table of tables) expect(table).toMatchObject({ enabled: true, forced: true, policies: 1 });
  });

  it('every tenant-owned table (tenant_id NOT NULL) has tenant_id first in its primary key', async () => {
    const keys = await dataSource.query<{ table: string; first: string }[]>(
      `SELECT c.conrelid::regclass::text AS table, a.attname AS first
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'p' AND EXISTS (
          SELECT 1 FROM pg_attribute t
           WHERE t.attrelid = c.conrelid AND t.attname = 'tenant_id' AND t.attnotnull AND NOT t.attisdropped)`,
    );
    expect(keys.length).toBeGreaterThan(3);
    for (const key of keys) expect(key).toEqual({ table: key.table, first: 'tenant_id' });
  });
});
