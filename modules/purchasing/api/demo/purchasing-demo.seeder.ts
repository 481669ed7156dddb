import { Injectable } from '@nestjs/common';
import { MasterDataLookup } from '@mes/master-data-api';
import { TenantDb, type DemoSeeder } from '@mes/platform';
import { BuyerService } from '../buyer/buyer.service';
import { PurchaseOrderService } from '../order/purchase-order.service';
import { SupplierPriceService } from '../price/supplier-price.service';
import { PurchaseReceiptService } from '../receipt/purchase-receipt.service';
import { RequisitionService } from '../requisition/requisition.service';
import { tenantToday } from '../shared/tenant-today';

/** Supplier prices of the demo factory: supplier, item, unit price, from quantity. */
const PRICES: [supplier: string, item: string, price: string, minQty?: string][] = [
  ['S-JLXC', 'WIR-CU05', '68.5'],
  ['S-WZGG', 'STL-SI', '7.8'],
  ['S-RCZC', 'BRG-608', '0.85'],
  ['S-RCZC', 'BRG-608', '0.78', '5000'],
  ['S-RCZC', 'BRG-6201', '1.35'],
  ['S-RCZC', 'CBN-BRS', '0.12'],
  ['S-RCZC', 'SCR-M4', '0.035'],
  ['S-RCZC', 'SCR-ST', '0.028'],
  ['S-YYSJ', 'PP-ABS', '14.2'],
  ['S-YYSJ', 'PP-PA66', '21.5'],
  ['S-DCNY', 'CEL-18650', '6.8'],
  ['S-KGDQ', 'SW-TRG', '5.6'],
  ['S-KGDQ', 'SW-GR', '6.2'],
  ['S-BCYS', 'BOX-CLR', '2.35'],
];

/**
 * The demo factory's purchasing: two buyers, a price list, a to-buy list, and orders in several
 * states (one partly received, one awaiting delivery, one draft). Written through the services.
 */
@Injectable()
export class PurchasingDemoSeeder implements DemoSeeder {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly buyers: BuyerService,
    private readonly prices: SupplierPriceService,
    private readonly requisitions: RequisitionService,
    private readonly orders: PurchaseOrderService,
    private readonly receiving: PurchaseReceiptService,
  ) {}

  seedDemo(tenantId: string): Promise<boolean> {
    return this.db.runInTenant(tenantId, async (m) => {
      const [has] = await m.query<{ any: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM pur_buyers) AS any`);
      if (has?.any) return false;
      const items = await this.lookup.itemsByCode(PRICES.map(([, item]) => item));
      const suppliers = await this.lookup.partnersByCode(
        'supplier',
        PRICES.map(([supplier]) => supplier),
      );
      // Only on top of the demo master data.
      if (items.size < new Set(PRICES.map(([, i]) => i)).size || !suppliers.has('S-RCZC')) return false;
      const today = await tenantToday(m, tenantId);
      const inDays = async (n: number) =>
        (await m.query<{ d: string }[]>(`SELECT ($1::date + $2::int)::text AS d`, [today, n]))[0]?.d ?? today;

      await this.buyers.create(tenantId, { code: 'B01', name: '王静', phone: '13957400021' });
      await this.buyers.create(tenantId, { code: 'B02', name: '李强', phone: '13957400022' });
      const validFrom = `${today.slice(0, 4)}-01-01`;
      for (const [supplierCode, itemCode, unitPrice, minQty] of PRICES)
        await this.prices.create(tenantId, null, {
          supplierCode,
          itemCode,
          unitPrice,
          validFrom,
          ...(minQty ? { minQty } : {}),
        });

      const bearings = await this.orders.create(tenantId, null, {
        supplierCode: 'S-RCZC',
        buyerCode: 'B01',
        warehouseCode: 'WH-RM',
        expectedDate: await inDays(5),
        lines: [
          { itemCode: 'BRG-608', qty: '5000' },
          { itemCode: 'CBN-BRS', qty: '3000' },
        ],
      });
      await this.orders.approve(bearings.id, null);
      await this.receiving.receive(tenantId, null, bearings.id, {
        note: '第一批到货',
        lines: [{ lineNo: 1, qty: '2000', locationCode: 'B-01' }],
      });

      const switches = await this.orders.create(tenantId, null, {
        supplierCode: 'S-KGDQ',
        buyerCode: 'B02',
        warehouseCode: 'WH-RM',
        expectedDate: await inDays(10),
        lines: [{ itemCode: 'SW-TRG', qty: '500' }],
      });
      await this.orders.approve(switches.id, null);

      await this.orders.create(tenantId, null, {
        supplierCode: 'S-YYSJ',
        buyerCode: 'B02',
        warehouseCode: 'WH-RM',
        lines: [{ itemCode: 'PP-ABS', qty: '1000', dueDate: await inDays(7) }],
      });

      await this.requisitions.create(tenantId, null, {
        itemCode: 'SCR-M4',
        qty: '20000',
        needBy: await inDays(14),
      });
      await this.requisitions.create(tenantId, null, {
        itemCode: 'CEL-18650',
        qty: '1200',
        needBy: await inDays(21),
        supplierCode: 'S-DCNY',
      });
      return true;
    });
  }
}
