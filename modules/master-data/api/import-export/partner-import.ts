import { newId, type Contact } from '@mes/shared';
import type { PartnerKind } from '../partner/partner.entity';
import { bulkInsert, type BulkColumn } from './bulk';
import { distinct, reportDuplicates, type ImportContext, type ImportPlan } from './importer';
import type { PartnerRecord } from './parse-rows';

/**
 * Customers or suppliers, upserted by code (codes are unique per kind). The contact columns hold
 * the first (primary) contact: a row naming one replaces the first stored contact (keeping its
 * title when the name is the same) and keeps the others; a row with no contact keeps them all.
 */
export async function planPartners(
  ctx: ImportContext,
  kind: PartnerKind,
  records: PartnerRecord[],
): Promise<ImportPlan> {
  const { m, sink, header } = ctx;
  const has = (field: string) => header.columns.has(field);
  const what = kind === 'customer' ? '客户编码' : '供应商编码';
  reportDuplicates(
    records,
    (r) => r.code || null,
    'code',
    (r) => `${what} ${r.code}`,
    sink,
  );
  const codes = distinct(records.map((r) => r.code).filter(Boolean));
  const stored = new Map(
    (
      await m.query<{ code: string; contacts: Contact[] }[]>(
        `SELECT code, contacts FROM md_partners WHERE kind = $1 AND code = ANY($2)`,
        [kind, codes],
      )
    ).map((p) => [p.code, p.contacts]),
  );
  const contactsOf = (r: PartnerRecord): Contact[] => {
    const current = stored.get(r.code) ?? [];
    if (!r.contact) return current;
    const [first, ...others] = current;
    const title = first?.name === r.contact.name ? first.title : undefined;
    return [{ ...r.contact, ...(title ? { title } : {}) }, ...others];
  };
  const created = codes.filter((c) => !stored.has(c)).length;
  return {
    created,
    updated: codes.length - created,
    write: async () => {
      const columns: (BulkColumn & { field?: string })[] = [
        { name: 'id', type: 'uuid' },
        { name: 'code', type: 'varchar' },
        { name: 'name', type: 'varchar', field: 'name' },
        { name: 'tax_id', type: 'varchar', field: 'taxId' },
        { name: 'address', type: 'varchar', field: 'address' },
        { name: 'payment_terms', type: 'varchar', field: 'paymentTerms' },
        { name: 'contacts', type: 'jsonb', field: 'contactName' },
        { name: 'status', type: 'varchar', field: 'status' },
      ];
      const contactColumns = ['contactName', 'contactPhone', 'contactEmail'].some(has);
      const updates = columns.filter(
        (c) => c.field && (c.field === 'contactName' ? contactColumns : has(c.field)),
      );
      await bulkInsert(m, ctx.tenantId, {
        table: 'md_partners',
        columns,
        rows: records.map((r) => [
          newId(),
          r.code,
          r.name,
          r.taxId ?? '',
          r.address ?? '',
          r.paymentTerms ?? '',
          JSON.stringify(contactsOf(r)),
          r.status ?? 'active',
        ]),
        constants: {
          kind: `'${kind === 'customer' ? 'customer' : 'supplier'}'`,
          created_at: 'now()',
          updated_at: 'now()',
        },
        onConflict: `ON CONFLICT (tenant_id, kind, code) DO UPDATE SET ${[
          ...updates.map((c) => `${c.name} = EXCLUDED.${c.name}`),
          'updated_at = now()',
        ].join(', ')}`,
      });
    },
  };
}
