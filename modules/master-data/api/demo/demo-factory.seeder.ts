import { Injectable, Logger } from '@nestjs/common';
import { TenantDb, type DemoSeeder } from '@mes/platform';
import { BomService } from '../bom/bom.service';
import { CalendarService } from '../calendar/calendar.service';
import { ItemEntity } from '../item/item.entity';
import { ItemService } from '../item/item.service';
import { PartnerService } from '../partner/partner.service';
import { RoutingService } from '../routing/routing.service';
import { WarehouseService } from '../warehouse/warehouse.service';
import { WorkCenterService } from '../work-center/work-center.service';
import {
  DEMO_BOMS,
  DEMO_CALENDARS,
  DEMO_CUSTOMERS,
  DEMO_ITEMS,
  DEMO_ROUTINGS,
  DEMO_SUPPLIERS,
  DEMO_WAREHOUSES,
  DEMO_WORK_CENTERS,
} from './demo-factory.data';

/**
 * The demo tenant's electric-tools factory, written through the module's own services (so it passes
 * the same validation as the API) in one tenant transaction. Skips a tenant that already has items.
 */
@Injectable()
export class MasterDataDemoSeeder implements DemoSeeder {
  private readonly logger = new Logger('MasterDataDemoSeeder');

  constructor(
    private readonly db: TenantDb,
    private readonly calendars: CalendarService,
    private readonly warehouses: WarehouseService,
    private readonly workCenters: WorkCenterService,
    private readonly items: ItemService,
    private readonly boms: BomService,
    private readonly routings: RoutingService,
    private readonly partners: PartnerService,
  ) {}

  seedDemo(tenantId: string): Promise<boolean> {
    return this.db.runInTenant(tenantId, async (m) => {
      if (await m.exists(ItemEntity)) return false;
      for (const c of DEMO_CALENDARS) await this.calendars.create(tenantId, c);
      for (const w of DEMO_WAREHOUSES) await this.warehouses.create(tenantId, w);
      for (const wc of DEMO_WORK_CENTERS) await this.workCenters.create(tenantId, wc);
      for (const item of DEMO_ITEMS) await this.items.create(tenantId, item);
      for (const bom of DEMO_BOMS) {
        await this.boms.create(tenantId, {
          itemCode: bom.itemCode,
          lines: bom.lines.map(([itemCode, qtyPer, scrapRate]) => ({
            itemCode,
            qtyPer,
            ...(scrapRate ? { scrapRate } : {}),
          })),
        });
      }
      for (const routing of DEMO_ROUTINGS) await this.routings.create(tenantId, routing);
      for (const c of DEMO_CUSTOMERS) await this.partners.create('customer', tenantId, c);
      for (const s of DEMO_SUPPLIERS) await this.partners.create('supplier', tenantId, s);
      this.logger.log(
        `demo factory: ${DEMO_ITEMS.length} items, ${DEMO_BOMS.length} BOMs, ${DEMO_ROUTINGS.length} routings`,
      );
      return true;
    });
  }
}
