import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from '../tenant-rls.sql';

/** Platform schema (tenants, accounts, catalog subscriptions, usage) and the platform's tenant-owned tables. */
export class PlatformCore1763700000000 implements MigrationInterface {
  name = 'PlatformCore1763700000000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE SCHEMA IF NOT EXISTS platform`,
      // The tenant of the current transaction; NULL when none is set, so RLS then shows nothing.
      `CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE AS
         $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$`,
      `CREATE OR REPLACE FUNCTION platform.forbid_change() RETURNS trigger LANGUAGE plpgsql AS
         $$ BEGIN RAISE EXCEPTION 'table %.% is append-only', TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = '42501'; END $$`,

      `CREATE TABLE platform.tenants (
         id uuid PRIMARY KEY,
         slug varchar(40) NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
         name varchar(100) NOT NULL,
         industry varchar(100),
         status varchar(16) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
         time_zone varchar(64) NOT NULL DEFAULT 'Asia/Shanghai',
         created_at timestamptz NOT NULL DEFAULT now(),
         suspended_at timestamptz
       )`,
      `CREATE TABLE platform.users (
         id uuid PRIMARY KEY,
         email varchar(254) NOT NULL,
         name varchar(100) NOT NULL,
         password_hash text NOT NULL,
         platform_roles text[] NOT NULL DEFAULT '{}',
         locale varchar(10) NOT NULL DEFAULT 'zh-CN',
         disabled_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE UNIQUE INDEX users_email_key ON platform.users (lower(email))`,
      `CREATE TABLE platform.memberships (
         tenant_id uuid NOT NULL REFERENCES platform.tenants(id),
         user_id uuid NOT NULL REFERENCES platform.users(id),
         roles text[] NOT NULL CHECK (cardinality(roles) > 0),
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, user_id)
       )`,
      `CREATE INDEX memberships_user_idx ON platform.memberships (user_id)`,
      `CREATE TABLE platform.refresh_tokens (
         id uuid PRIMARY KEY,
         user_id uuid NOT NULL REFERENCES platform.users(id),
         tenant_id uuid REFERENCES platform.tenants(id),
         family_id uuid NOT NULL,
         token_hash char(64) NOT NULL UNIQUE,
         expires_at timestamptz NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         revoked_at timestamptz,
         replaced_by uuid
       )`,
      `CREATE INDEX refresh_tokens_family_idx ON platform.refresh_tokens (family_id)`,

      `CREATE TABLE platform.subscriptions (
         tenant_id uuid NOT NULL REFERENCES platform.tenants(id),
         id uuid NOT NULL,
         module_key varchar(64) NOT NULL,
         status varchar(16) NOT NULL CHECK (status IN ('active', 'cancelled')),
         price_wan numeric(18,2),
         pricing varchar(8) NOT NULL,
         started_at timestamptz NOT NULL DEFAULT now(),
         ends_at timestamptz,
         started_by uuid REFERENCES platform.users(id),
         ended_by uuid REFERENCES platform.users(id),
         PRIMARY KEY (tenant_id, id)
       )`,
      `CREATE UNIQUE INDEX subscriptions_one_active ON platform.subscriptions (tenant_id, module_key) WHERE status = 'active'`,
      `CREATE TABLE platform.subscription_events (
         tenant_id uuid NOT NULL REFERENCES platform.tenants(id),
         id uuid NOT NULL,
         subscription_id uuid NOT NULL,
         module_key varchar(64) NOT NULL,
         action varchar(16) NOT NULL CHECK (action IN ('subscribe', 'unsubscribe')),
         price_wan numeric(18,2),
         pricing varchar(8) NOT NULL,
         actor_user_id uuid REFERENCES platform.users(id),
         at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, subscription_id) REFERENCES platform.subscriptions(tenant_id, id)
       )`,
      `CREATE TRIGGER subscription_events_append_only BEFORE UPDATE OR DELETE ON platform.subscription_events
         FOR EACH ROW EXECUTE FUNCTION platform.forbid_change()`,

      `CREATE TABLE platform.usage_events (
         tenant_id uuid NOT NULL REFERENCES platform.tenants(id),
         id uuid NOT NULL,
         meter varchar(64) NOT NULL,
         module_key varchar(64),
         quantity numeric(18,6) NOT NULL CHECK (quantity >= 0),
         idempotency_key varchar(200) NOT NULL,
         occurred_at timestamptz NOT NULL,
         recorded_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         UNIQUE (tenant_id, meter, idempotency_key)
       )`,
      `CREATE INDEX usage_events_period_idx ON platform.usage_events (tenant_id, meter, occurred_at)`,
      `CREATE TRIGGER usage_events_append_only BEFORE UPDATE OR DELETE ON platform.usage_events
         FOR EACH ROW EXECUTE FUNCTION platform.forbid_change()`,

      // Tenant-owned tables of the platform itself: RLS enabled and forced.
      `CREATE TABLE audit_events (
         tenant_id uuid NOT NULL,
         id uuid NOT NULL,
         actor_user_id uuid,
         action varchar(64) NOT NULL,
         entity varchar(64) NOT NULL,
         entity_id varchar(100),
         data jsonb NOT NULL DEFAULT '{}',
         at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id)
       )`,
      ...tenantRlsSql('audit_events'),
      `CREATE TABLE job_runs (
         tenant_id uuid NOT NULL,
         id uuid NOT NULL,
         queue varchar(64) NOT NULL,
         name varchar(64) NOT NULL,
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id)
       )`,
      ...tenantRlsSql('job_runs'),
      `CREATE TABLE idempotency_records (
         tenant_id uuid NOT NULL,
         key varchar(200) NOT NULL,
         method varchar(8) NOT NULL,
         path varchar(500) NOT NULL,
         request_hash char(64) NOT NULL,
         status_code int,
         response jsonb,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, key)
       )`,
      ...tenantRlsSql('idempotency_records'),
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS idempotency_records, job_runs, audit_events`);
    await q.query(`DROP SCHEMA IF EXISTS platform CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS app_current_tenant()`);
  }
}
