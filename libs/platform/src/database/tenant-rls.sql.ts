/**
 * SQL for a tenant-owned table's row-level security: enabled AND forced (so the table owner obeys it
 * too), one policy for reads and writes. Every module migration calls this for each table it creates.
 */
export function tenantRlsSql(table: string): string[] {
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
  ];
}
