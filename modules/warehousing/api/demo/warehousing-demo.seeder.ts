import { Injectable } from '@nestjs/common';
import { TenantDb, type DemoSeeder } from '@mes/platform';
import { StockLedger } from '../ledger/stock-ledger.service';

/** Opening balances (期初库存) of the demo factory: raw materials on shelves, some finished goods. */
const OPENING: { warehouse: string; lines: [item: string, location: string, qty: string, lot?: string][] }[] =
  [
    {
      warehouse: 'WH-RM',
      lines: [
        ['WIR-CU05', 'A-01', '180', 'CU2611-01'],
        ['STL-SI', 'A-02', '950', 'SI2610-07'],
        ['PP-ABS', 'A-03', '420', 'ABS2611-02'],
        ['PP-PA66', 'A-03', '260', 'PA2611-01'],
        ['BRG-608', 'B-01', '1800'],
        ['BRG-6201', 'B-01', '1200'],
        ['CBN-BRS', 'B-02', '5200'],
        ['SW-TRG', 'B-02', '320'],
        ['CBL-2M', 'C-01', '600'],
        ['SCR-M4', 'C-01', '12000'],
        ['SCR-ST', 'C-01', '16000'],
        ['CEL-18650', 'A-02', '900', 'CEL2611-03'],
        ['BOX-CLR', 'C-01', '450'],
      ],
    },
    {
      warehouse: 'WH-FG',
      lines: [
        ['DRL-13', 'F-01', '48', 'FG2611-DRL01'],
        ['GRD-100', 'F-02', '30', 'FG2611-GRD01'],
        ['CDR-12', 'F-03', '24', 'FG2611-CDR01'],
      ],
    },
  ];

@Injectable()
export class WarehousingDemoSeeder implements DemoSeeder {
  constructor(
    private readonly db: TenantDb,
    private readonly ledger: StockLedger,
  ) {}

  seedDemo(tenantId: string): Promise<boolean> {
    return this.db.runInTenant(tenantId, async (m) => {
      const [has] = await m.query<{ any: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM wh_movements) AS any`);
      if (has?.any) return false;
      for (const o of OPENING) {
        await this.ledger.post(tenantId, null, {
          type: 'opening',
          note: '期初库存 / opening balance',
          lines: o.lines.map(([itemCode, locationCode, qty, lot]) => ({
            itemCode,
            warehouseCode: o.warehouse,
            locationCode,
            qty,
            ...(lot ? { lot } : {}),
          })),
        });
      }
      return true;
    });
  }
}
