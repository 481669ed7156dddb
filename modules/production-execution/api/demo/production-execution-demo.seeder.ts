import { Injectable } from '@nestjs/common';
import { MasterDataLookup } from '@mes/master-data-api';
import { TenantDb, type DemoSeeder } from '@mes/platform';
import { OperatorService } from '../operator/operator.service';
import { WorkOrderService, type TenantActor } from '../work-order/work-order.service';

/** The demo operators: code, name, badge, PIN (README, demo section). */
export const DEMO_OPERATORS: [code: string, name: string, badge: string, pin: string][] = [
  ['OP-001', '张伟', 'B-100001', '1111'],
  ['OP-002', '李娜', 'B-100002', '2222'],
  ['OP-003', '王强', 'B-100003', '3333'],
];

/** Work orders for the tablet to show: item, qty, released?, started? (picking: reports issue nothing). */
const WORK_ORDERS: [item: string, qty: string, release: boolean, start: boolean][] = [
  ['HSG-DRL', '500', true, true],
  ['MTR-650', '200', true, false],
  ['GBX-13', '100', false, false],
];

/**
 * The demo factory's shop floor: three operators with badges and PINs, and work orders on the demo's
 * make items (one running, one released, one planned). Skips a tenant that already has operators or
 * lacks the demo master data.
 */
@Injectable()
export class ProductionExecutionDemoSeeder implements DemoSeeder {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly operators: OperatorService,
    private readonly workOrders: WorkOrderService,
  ) {}

  seedDemo(tenantId: string): Promise<boolean> {
    return this.db.runInTenant(tenantId, async (m) => {
      const [has] = await m.query<{ any: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM pe_operators) AS any`);
      if (has?.any) return false;
      const items = await this.lookup.itemsByCode(WORK_ORDERS.map(([item]) => item));
      if (items.size < WORK_ORDERS.length) return false;
      for (const [code, name, badge, pin] of DEMO_OPERATORS)
        await this.operators.create(tenantId, { code, name, badge, pin });
      // The tenant's first member (its admin) as the actor of the seeded changes.
      const [admin] = await m.query<{ user_id: string }[]>(
        `SELECT user_id FROM platform.memberships WHERE tenant_id = $1 ORDER BY created_at LIMIT 1`,
        [tenantId],
      );
      const actor: TenantActor = {
        userId: admin?.user_id ?? '00000000-0000-0000-0000-000000000000',
        email: 'demo-seed',
        tenantId,
        tenantSlug: 'demo',
        roles: [],
      };
      for (const [itemCode, qty, release, start] of WORK_ORDERS) {
        const wo = await this.workOrders.create(actor, { itemCode, qty, issueMode: 'picking' });
        if (release) await this.workOrders.release(actor, wo.id, { force: true });
        if (start) await this.workOrders.start(actor, wo.id);
      }
      return true;
    });
  }
}
