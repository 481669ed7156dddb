import { newId, type LotSizing } from '@mes/shared';
import { bulkInsert, type BulkColumn } from './bulk';
import { distinct, reportDuplicates, type ImportContext, type ImportPlan } from './importer';
import type { ItemRecord } from './parse-rows';

interface StoredItem {
  id: string;
  code: string;
  barcode: string | null;
  base_unit_id: string;
}

const DEFAULT_LOT_SIZING: LotSizing = { rule: 'LFL' };

/**
 * Items are upserted by code. Checks: codes and barcodes unique within the file, units (any case)
 * and default warehouses exist, a barcode is not held by an item outside the file, conversions name
 * existing units other than the base unit. Columns missing from the file keep their stored values.
 */
export async function planItems(ctx: ImportContext, records: ItemRecord[]): Promise<ImportPlan> {
  const { m, sink, header } = ctx;
  const has = (field: string) => header.columns.has(field);
  reportDuplicates(
    records,
    (r) => r.code || null,
    'code',
    (r) => `物料编码 ${r.code}`,
    sink,
  );

  const units = new Map(
    (await m.query<{ id: string; code: string }[]>(`SELECT id, code FROM md_units`)).map((u) => [
      u.code.toLowerCase(),
      u.id,
    ]),
  );
  const unitId = (code: string) => units.get(code.trim().toLowerCase());
  for (const r of records) {
    if (r.baseUnit && !unitId(r.baseUnit))
      sink.add(
        r.row,
        'baseUnit',
        `未知计量单位 ${r.baseUnit}，请先在计量单位中创建 / unknown unit ${r.baseUnit}`,
      );
  }

  const warehouses = new Map<string, string>();
  if (has('defaultWarehouseCode')) {
    const codes = distinct(records.flatMap((r) => (r.defaultWarehouseCode ? [r.defaultWarehouseCode] : [])));
    if (codes.length) {
      const rows = await m.query<{ id: string; code: string }[]>(
        `SELECT id, code FROM md_warehouses WHERE code = ANY($1)`,
        [codes],
      );
      for (const w of rows) warehouses.set(w.code, w.id);
    }
    for (const r of records) {
      if (r.defaultWarehouseCode && !warehouses.has(r.defaultWarehouseCode))
        sink.add(
          r.row,
          'defaultWarehouseCode',
          `未知仓库 ${r.defaultWarehouseCode} / unknown warehouse ${r.defaultWarehouseCode}`,
        );
    }
  }

  const codes = distinct(records.map((r) => r.code).filter(Boolean));
  const stored = new Map(
    (
      await m.query<StoredItem[]>(
        `SELECT id, code, barcode, base_unit_id FROM md_items WHERE code = ANY($1)`,
        [codes],
      )
    ).map((i) => [i.code, i]),
  );

  // Barcodes: unique in the file, and not held by an item the file does not re-barcode.
  const releasing: string[] = [];
  if (has('barcode')) {
    reportDuplicates(
      records,
      (r) => r.barcode ?? null,
      'barcode',
      (r) => `条码 ${r.barcode ?? ''}`,
      sink,
    );
    const inFile = new Map(records.map((r) => [r.code, r]));
    const barcodes = distinct(records.flatMap((r) => (r.barcode ? [r.barcode] : [])));
    const holders = barcodes.length
      ? await m.query<{ code: string; barcode: string }[]>(
          `SELECT code, barcode FROM md_items WHERE barcode = ANY($1)`,
          [barcodes],
        )
      : [];
    const holderOf = new Map(holders.map((h) => [h.barcode, h.code]));
    for (const r of records) {
      const holder = r.barcode ? holderOf.get(r.barcode) : undefined;
      if (holder && holder !== r.code && !inFile.has(holder))
        sink.add(
          r.row,
          'barcode',
          `条码 ${r.barcode ?? ''} 已被物料 ${holder} 使用 / barcode already used by item ${holder}`,
        );
    }
    // Items whose barcode changes drop the old one first, so that two items may swap barcodes.
    for (const r of records) {
      const old = stored.get(r.code)?.barcode;
      if (old && old !== r.barcode) releasing.push(r.code);
    }
  }

  if (has('conversions')) {
    for (const r of records) {
      const base = r.baseUnit ? unitId(r.baseUnit) : undefined;
      for (const c of r.conversions ?? []) {
        const id = unitId(c.unit);
        if (!id) sink.add(r.row, 'conversions', `未知计量单位 ${c.unit} / unknown unit ${c.unit}`);
        else if (id === base)
          sink.add(r.row, 'conversions', `基本单位无需换算 / the base unit needs no conversion: ${c.unit}`);
      }
    }
  }

  const created = codes.filter((c) => !stored.has(c)).length;
  return {
    created,
    updated: codes.length - created,
    write: async () => {
      if (releasing.length)
        await m.query(`UPDATE md_items SET barcode = NULL WHERE code = ANY($1)`, [releasing]);
      const columns: (BulkColumn & { field?: string; always?: boolean })[] = [
        { name: 'id', type: 'uuid' },
        { name: 'code', type: 'varchar' },
        { name: 'name', type: 'varchar', always: true },
        { name: 'spec', type: 'varchar', field: 'spec' },
        { name: 'type', type: 'varchar', always: true },
        { name: 'base_unit_id', type: 'uuid', always: true },
        { name: 'make_or_buy', type: 'varchar', always: true },
        { name: 'lead_time_days', type: 'integer', field: 'leadTimeDays' },
        { name: 'safety_stock', type: 'numeric', field: 'safetyStock' },
        { name: 'lot_sizing', type: 'jsonb', field: 'lotSizing' },
        { name: 'lot_tracked', type: 'boolean', field: 'lotTracked' },
        { name: 'barcode', type: 'varchar', field: 'barcode' },
        { name: 'default_warehouse_id', type: 'uuid', field: 'defaultWarehouseCode' },
        { name: 'inspection_required', type: 'boolean', field: 'inspectionRequired' },
        { name: 'status', type: 'varchar', field: 'status' },
      ];
      const lotPresent = records.some((r) => r.lotSizing !== undefined);
      const updates = columns.filter(
        (c) => c.always || (c.field && (c.field === 'lotSizing' ? lotPresent : has(c.field))),
      );
      const rows = records.map((r) => [
        newId(),
        r.code,
        r.name,
        r.spec ?? '',
        r.type,
        unitId(r.baseUnit),
        r.makeOrBuy,
        r.leadTimeDays ?? 0,
        r.safetyStock ?? '0',
        JSON.stringify(r.lotSizing ?? DEFAULT_LOT_SIZING),
        r.lotTracked ?? false,
        r.barcode ?? null,
        r.defaultWarehouseCode ? warehouses.get(r.defaultWarehouseCode) : null,
        r.inspectionRequired ?? false,
        r.status ?? 'active',
      ]);
      const saved = await bulkInsert<{ id: string; code: string }>(m, ctx.tenantId, {
        table: 'md_items',
        columns,
        rows,
        constants: { created_at: 'now()', updated_at: 'now()' },
        onConflict: `ON CONFLICT (tenant_id, code) DO UPDATE SET ${[
          ...updates.map((c) => `${c.name} = EXCLUDED.${c.name}`),
          'updated_at = now()',
        ].join(', ')}`,
        returning: 'id, code',
      });
      if (has('conversions')) {
        const idOf = new Map(saved.map((s) => [s.code, s.id]));
        const ids = saved.map((s) => s.id);
        await m.query(`DELETE FROM md_item_units WHERE item_id = ANY($1)`, [ids]);
        await bulkInsert(m, ctx.tenantId, {
          table: 'md_item_units',
          columns: [
            { name: 'item_id', type: 'uuid' },
            { name: 'unit_id', type: 'uuid' },
            { name: 'factor', type: 'numeric' },
          ],
          rows: records.flatMap((r) =>
            (r.conversions ?? []).map((c) => [idOf.get(r.code), unitId(c.unit), c.factor]),
          ),
        });
      }
    },
  };
}
