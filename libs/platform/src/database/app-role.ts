import { Client } from 'pg';

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Creates the database named in `databaseUrl` when missing, connecting to the server's `postgres` db. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const url = new URL(databaseUrl);
  const dbName = decodeURIComponent(url.pathname.replace(/^\//, ''));
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (found.rowCount) return false;
    await admin.query(`CREATE DATABASE ${quoteIdent(dbName)} ENCODING 'UTF8' TEMPLATE template0`);
    return true;
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const dbName = decodeURIComponent(url.pathname.replace(/^\//, ''));
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(dbName)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * The app's own login role: not a superuser, no BYPASSRLS, owns nothing. Created when missing;
 * its password is (re)set from the environment. Grants follow the tables the migrations made.
 */
export async function ensureAppRole(databaseUrl: string, role: string, password: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = exists.rowCount ? 'ALTER' : 'CREATE';
    await client.query(
      `${verb} ROLE ${quoteIdent(role)} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${quoteLiteral(password)}`,
    );
  } finally {
    await client.end();
  }
}

/** Run after migrations: DML on every table; append-only tables and the migration log stay read-only. */
export async function grantAppRole(databaseUrl: string, role: string): Promise<void> {
  const r = quoteIdent(role);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const db = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]?.db ?? '';
    const schemas = (
      await client.query<{ nspname: string }>(
        `SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`,
      )
    ).rows.map((row) => quoteIdent(row.nspname));
    const list = schemas.join(', ');
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdent(db)} TO ${r}`);
    await client.query(`GRANT USAGE ON SCHEMA ${list} TO ${r}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${list} TO ${r}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${list} TO ${r}`);
    await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${list} TO ${r}`);
    await client.query(`REVOKE INSERT, UPDATE, DELETE ON public.schema_migrations FROM ${r}`);
    await client.query(
      `REVOKE UPDATE, DELETE ON platform.usage_events, platform.subscription_events FROM ${r}`,
    );
  } finally {
    await client.end();
  }
}
