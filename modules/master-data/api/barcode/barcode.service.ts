import { Injectable } from '@nestjs/common';
import { NotFoundError, TenantDb, ValidationFailedError } from '@mes/platform';
import type { BarcodeLookupResult, LotView } from '@mes/shared';
import { ItemEntity } from '../item/item.entity';
import { ItemService } from '../item/item.service';
import { LotService } from '../lot/lot.service';
import { UnitEntity } from '../unit/unit.entity';
import type { LabelTarget } from './label-rule.entity';
import { LabelRuleService } from './label-rule.service';
import { renderLabelsPdf, type LabelContent } from './label-pdf.renderer';

interface LocationRow {
  id: string;
  code: string;
  name: string;
  warehouse_code: string;
  warehouse_name: string;
}

type LocationRef = Extract<BarcodeLookupResult, { kind: 'location' }>['location'];

/** Scanning (what is this code?) and printing (labels as PDF) for items and locations. */
@Injectable()
export class BarcodeService {
  constructor(
    private readonly db: TenantDb,
    private readonly rules: LabelRuleService,
    private readonly items: ItemService,
    private readonly lots: LotService,
  ) {}

  /**
   * Resolves what a scanner typed, in this order: a location label (its prefix, then
   * WAREHOUSE/LOCATION), a lot label (its prefix, then ITEM/LOT), an item's own barcode (e.g. the EAN
   * on the box), an item code (with the item label prefix, if any), a bare lot or supplier-lot number
   * that names exactly one lot, a location without prefix.
   */
  async lookup(scanned: string): Promise<BarcodeLookupResult> {
    const rules = await this.rules.all();
    const locationPrefix = rules.location.prefix;
    if (locationPrefix && scanned.startsWith(locationPrefix)) {
      const location = await this.findLocation(scanned.slice(locationPrefix.length));
      if (location) return { kind: 'location', scanned, location };
    }
    const lotPrefix = rules.lot.prefix;
    if (lotPrefix && scanned.startsWith(lotPrefix)) {
      const lot = await this.findLot(scanned.slice(lotPrefix.length));
      if (lot) return { kind: 'lot', scanned, lot };
    }
    const itemCode =
      rules.item.prefix && scanned.startsWith(rules.item.prefix)
        ? scanned.slice(rules.item.prefix.length)
        : scanned;
    const item =
      (await this.db.manager.findOneBy(ItemEntity, { barcode: scanned })) ??
      (await this.db.manager.findOneBy(ItemEntity, { code: itemCode }));
    if (item) return { kind: 'item', scanned, item: await this.items.get(item.id) };
    const byNumber = await this.lots.byNumber(scanned);
    if (byNumber.length === 1 && byNumber[0]) return { kind: 'lot', scanned, lot: byNumber[0] };
    if (!locationPrefix) {
      const location = await this.findLocation(scanned);
      if (location) return { kind: 'location', scanned, location };
    }
    throw new NotFoundError(`条码 ${scanned} / barcode`);
  }

  async labelsPdf(target: LabelTarget, codes: string[], copies: number): Promise<Buffer> {
    const rule = (await this.rules.all())[target];
    const contents =
      target === 'item'
        ? await this.itemLabels(codes, rule.prefix)
        : target === 'location'
          ? await this.locationLabels(codes, rule.prefix)
          : await this.lotLabels(codes, rule.prefix);
    return renderLabelsPdf(
      contents,
      { symbology: rule.symbology, widthMm: Number(rule.widthMm), heightMm: Number(rule.heightMm) },
      copies,
    );
  }

  private async itemLabels(codes: string[], prefix: string): Promise<LabelContent[]> {
    const byCode = await this.items.byCodes(codes);
    this.assertAllFound(codes, byCode);
    const units = new Map((await this.db.manager.find(UnitEntity)).map((u) => [u.id, u.code]));
    return codes.map((code) => {
      const item = byCode.get(code) as ItemEntity;
      return {
        value: item.barcode ?? `${prefix}${item.code}`,
        title: item.code,
        lines: [item.name, [item.spec, units.get(item.baseUnitId)].filter(Boolean).join(' · ')].filter(
          Boolean,
        ),
      };
    });
  }

  private async locationLabels(codes: string[], prefix: string): Promise<LabelContent[]> {
    const found = new Map<string, LocationRef>();
    for (const code of new Set(codes)) {
      const location = await this.findLocation(code);
      if (location) found.set(code, location);
    }
    this.assertAllFound(codes, found);
    return codes.map((code) => {
      const l = found.get(code) as LocationRef;
      const ref = `${l.warehouseCode}/${l.code}`;
      return { value: `${prefix}${ref}`, title: ref, lines: [l.warehouseName, l.name] };
    });
  }

  /** "WIR-CU05/20261121-01": the lot number large, item and dates below. */
  private async lotLabels(refs: string[], prefix: string): Promise<LabelContent[]> {
    const found = new Map<string, LotView>();
    for (const ref of new Set(refs)) {
      const lot = await this.findLot(ref);
      if (lot) found.set(ref, lot);
    }
    this.assertAllFound(refs, found);
    return refs.map((ref) => {
      const lot = found.get(ref) as LotView;
      const dates = [
        lot.manufacturedOn && `生产 ${lot.manufacturedOn}`,
        lot.expiresOn && `有效期至 ${lot.expiresOn}`,
      ]
        .filter(Boolean)
        .join('  ');
      return {
        value: `${prefix}${lot.itemCode}/${lot.lotNo}`,
        title: lot.lotNo,
        lines: [`${lot.itemCode} ${lot.itemName}`, dates].filter(Boolean),
      };
    });
  }

  /** "ITEM/LOT" → that lot (item codes may hold "/", lot numbers may not: split at the last one). */
  private async findLot(ref: string): Promise<LotView | null> {
    const slash = ref.lastIndexOf('/');
    return slash > 0 ? this.lots.find(ref.slice(0, slash), ref.slice(slash + 1)) : null;
  }

  private assertAllFound(codes: string[], found: Map<string, unknown>): void {
    const missing = [...new Set(codes.filter((c) => !found.has(c)))];
    if (missing.length)
      throw new ValidationFailedError(
        missing.map((code) => ({ field: 'codes', message: `unknown ${code}` })),
      );
  }

  /** "WH-RM/A-01" → that location of that warehouse. */
  private async findLocation(ref: string): Promise<LocationRef | null> {
    const slash = ref.indexOf('/');
    if (slash <= 0) return null;
    const [row] = await this.db.manager.query<LocationRow[]>(
      `SELECT l.id, l.code, l.name, w.code AS warehouse_code, w.name AS warehouse_name
         FROM md_locations l JOIN md_warehouses w ON w.tenant_id = l.tenant_id AND w.id = l.warehouse_id
        WHERE w.code = $1 AND l.code = $2`,
      [ref.slice(0, slash), ref.slice(slash + 1)],
    );
    return row
      ? {
          id: row.id,
          code: row.code,
          name: row.name,
          warehouseCode: row.warehouse_code,
          warehouseName: row.warehouse_name,
        }
      : null;
  }
}
