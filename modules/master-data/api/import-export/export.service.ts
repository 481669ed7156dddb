import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantDb } from '@mes/platform';
import {
  plainDecimal,
  type Contact,
  type ItemStatus,
  type ItemType,
  type LotSizing,
  type MakeOrBuy,
} from '@mes/shared';
import { booleanLabel } from './cells';
import { COLUMNS, SHEET_NAMES } from './columns';
import type { FileFormat, ImportKind } from './import-export.types';
import { ITEM_STATUS_CELLS, ITEM_TYPE_CELLS, MAKE_OR_BUY_CELLS, PARTNER_STATUS_CELLS } from './parse-rows';
import { writeSheet } from './sheet';

type Fields = Record<string, string>;

export interface SheetFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Record<FileFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const dec = (value: string | null | undefined): string => (value == null ? '' : plainDecimal(value));

/**
 * Exports in the import layouts (Chinese headers, enumerations as their Chinese labels), so that an
 * exported file imports back unchanged; and the empty templates with one example row.
 */
@Injectable()
export class MasterDataExportService {
  constructor(private readonly db: TenantDb) {}

  async export(tenantId: string, kind: ImportKind, format: FileFormat): Promise<SheetFile> {
    const rows = await this.db.runInTenant(tenantId, (m) => this.read(m, kind));
    const columns = COLUMNS[kind];
    const day = new Date().toISOString().slice(0, 10);
    return this.file(
      `${SHEET_NAMES[kind].file}-${day}.${format}`,
      format,
      await writeSheet(
        format,
        SHEET_NAMES[kind].zh,
        columns,
        rows.map((r) => columns.map((c) => r[c.field] ?? '')),
      ),
    );
  }

  async template(kind: ImportKind, format: FileFormat): Promise<SheetFile> {
    const columns = COLUMNS[kind];
    return this.file(
      `${SHEET_NAMES[kind].file}-template.${format}`,
      format,
      await writeSheet(format, SHEET_NAMES[kind].zh, columns, [columns.map((c) => c.example)]),
    );
  }

  private file(filename: string, format: FileFormat, body: Buffer): SheetFile {
    return { filename, contentType: CONTENT_TYPES[format], body };
  }

  private read(m: EntityManager, kind: ImportKind): Promise<Fields[]> {
    switch (kind) {
      case 'items':
        return this.items(m);
      case 'bom-lines':
        return this.bomLines(m);
      case 'routings':
        return this.routings(m);
      case 'customers':
        return this.partners(m, 'customer');
      case 'suppliers':
        return this.partners(m, 'supplier');
    }
  }

  private async items(m: EntityManager): Promise<Fields[]> {
    const rows = await m.query<
      {
        code: string;
        name: string;
        spec: string;
        type: ItemType;
        unit: string;
        make_or_buy: MakeOrBuy;
        lead_time_days: number;
        safety_stock: string;
        lot_sizing: LotSizing;
        lot_tracked: boolean;
        barcode: string | null;
        warehouse: string | null;
        inspection_required: boolean;
        status: ItemStatus;
        conversions: { unit: string; factor: string }[] | null;
      }[]
    >(
      `SELECT i.code, i.name, i.spec, i.type, u.code AS unit, i.make_or_buy, i.lead_time_days,
              i.safety_stock::text AS safety_stock, i.lot_sizing, i.lot_tracked, i.barcode,
              w.code AS warehouse, i.inspection_required, i.status,
              (SELECT json_agg(json_build_object('unit', cu.code, 'factor', iu.factor::text) ORDER BY cu.code)
                 FROM md_item_units iu
                 JOIN md_units cu ON cu.tenant_id = iu.tenant_id AND cu.id = iu.unit_id
                WHERE iu.tenant_id = i.tenant_id AND iu.item_id = i.id) AS conversions
         FROM md_items i
         JOIN md_units u ON u.tenant_id = i.tenant_id AND u.id = i.base_unit_id
         LEFT JOIN md_warehouses w ON w.tenant_id = i.tenant_id AND w.id = i.default_warehouse_id
        ORDER BY i.code`,
    );
    return rows.map((r) => {
      const lot = r.lot_sizing;
      return {
        code: r.code,
        name: r.name,
        spec: r.spec,
        type: ITEM_TYPE_CELLS.label(r.type),
        baseUnit: r.unit,
        makeOrBuy: MAKE_OR_BUY_CELLS.label(r.make_or_buy),
        leadTimeDays: String(r.lead_time_days),
        safetyStock: dec(r.safety_stock),
        lotRule: lot.rule,
        lotQty: lot.rule === 'FOQ' ? dec(lot.qty) : '',
        lotPeriods: lot.rule === 'POQ' ? String(lot.periods) : '',
        lotMin: lot.rule === 'MINMULT' ? dec(lot.min) : '',
        lotMultiple: lot.rule === 'MINMULT' ? dec(lot.multiple) : '',
        lotTracked: booleanLabel(r.lot_tracked),
        barcode: r.barcode ?? '',
        defaultWarehouseCode: r.warehouse ?? '',
        inspectionRequired: booleanLabel(r.inspection_required),
        status: ITEM_STATUS_CELLS.label(r.status),
        conversions: (r.conversions ?? []).map((c) => `${c.unit}=${dec(c.factor)}`).join(';'),
      };
    });
  }

  private async bomLines(m: EntityManager): Promise<Fields[]> {
    const rows = await m.query<
      {
        parent: string;
        version: string;
        component: string;
        qty_per: string;
        scrap_rate: string;
        operation_seq: number | null;
        valid_from: string | null;
        valid_to: string | null;
      }[]
    >(
      `SELECT p.code AS parent, b.version, c.code AS component, l.qty_per::text AS qty_per,
              l.scrap_rate::text AS scrap_rate, l.operation_seq,
              to_char(l.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(l.valid_to, 'YYYY-MM-DD') AS valid_to
         FROM md_bom_lines l
         JOIN md_boms b ON b.tenant_id = l.tenant_id AND b.id = l.bom_id
         JOIN md_items p ON p.tenant_id = b.tenant_id AND p.id = b.item_id
         JOIN md_items c ON c.tenant_id = l.tenant_id AND c.id = l.item_id
        ORDER BY p.code, b.version, l.seq`,
    );
    return rows.map((r) => ({
      parentCode: r.parent,
      version: r.version,
      componentCode: r.component,
      qtyPer: dec(r.qty_per),
      scrapRate: dec(r.scrap_rate),
      operationSeq: r.operation_seq === null ? '' : String(r.operation_seq),
      validFrom: r.valid_from ?? '',
      validTo: r.valid_to ?? '',
    }));
  }

  private async routings(m: EntityManager): Promise<Fields[]> {
    const rows = await m.query<
      {
        item: string;
        version: string;
        seq: number;
        name: string;
        center: string;
        setup: string;
        run: string;
        queue: string;
        move: string;
        skill: string;
        inspection_point: boolean;
        sop_url: string;
        alternatives: { code: string; run: string }[] | null;
      }[]
    >(
      `SELECT i.code AS item, r.version, o.seq, o.name, wc.code AS center,
              o.setup_minutes::text AS setup, o.run_minutes::text AS run,
              o.queue_minutes::text AS queue, o.move_minutes::text AS move,
              o.skill, o.inspection_point, o.sop_url,
              (SELECT json_agg(json_build_object('code', aw.code, 'run', a.run_minutes::text) ORDER BY aw.code)
                 FROM md_operation_alternatives a
                 JOIN md_work_centers aw ON aw.tenant_id = a.tenant_id AND aw.id = a.work_center_id
                WHERE a.tenant_id = o.tenant_id AND a.operation_id = o.id) AS alternatives
         FROM md_routing_operations o
         JOIN md_routings r ON r.tenant_id = o.tenant_id AND r.id = o.routing_id
         JOIN md_items i ON i.tenant_id = r.tenant_id AND i.id = r.item_id
         JOIN md_work_centers wc ON wc.tenant_id = o.tenant_id AND wc.id = o.work_center_id
        ORDER BY i.code, r.version, o.seq`,
    );
    return rows.map((r) => ({
      itemCode: r.item,
      version: r.version,
      seq: String(r.seq),
      name: r.name,
      workCenterCode: r.center,
      setupMinutes: dec(r.setup),
      runMinutes: dec(r.run),
      queueMinutes: dec(r.queue),
      moveMinutes: dec(r.move),
      skill: r.skill,
      inspectionPoint: booleanLabel(r.inspection_point),
      sopUrl: r.sop_url,
      alternatives: (r.alternatives ?? []).map((a) => `${a.code}:${dec(a.run)}`).join(';'),
    }));
  }

  private async partners(m: EntityManager, kind: 'customer' | 'supplier'): Promise<Fields[]> {
    const rows = await m.query<
      {
        code: string;
        name: string;
        tax_id: string;
        address: string;
        payment_terms: string;
        contacts: Contact[];
        status: 'active' | 'inactive';
      }[]
    >(
      `SELECT code, name, tax_id, address, payment_terms, contacts, status
         FROM md_partners WHERE kind = $1 ORDER BY code`,
      [kind],
    );
    return rows.map((r) => {
      const [contact] = r.contacts;
      return {
        code: r.code,
        name: r.name,
        taxId: r.tax_id,
        address: r.address,
        paymentTerms: r.payment_terms,
        contactName: contact?.name ?? '',
        contactPhone: contact?.phone ?? '',
        contactEmail: contact?.email ?? '',
        status: PARTNER_STATUS_CELLS.label(r.status),
      };
    });
  }
}
