import { Injectable } from '@nestjs/common';
import { MasterDataLookup } from '@mes/master-data-api';
import { TenantDb } from '@mes/platform';
import { renderPurchaseOrderPdf } from './purchase-order-pdf.renderer';
import { PurchaseOrderReader } from './purchase-order.reader';

/** Gathers what a printed purchase order shows and renders it. */
@Injectable()
export class PurchaseOrderPrinter {
  constructor(
    private readonly db: TenantDb,
    private readonly reader: PurchaseOrderReader,
    private readonly lookup: MasterDataLookup,
  ) {}

  async print(tenantId: string, id: string): Promise<{ no: string; pdf: Buffer }> {
    const order = await this.reader.get(id);
    const supplier = (await this.lookup.partnersByCode('supplier', [order.supplierCode])).get(
      order.supplierCode,
    );
    const [tenant] = await this.db.manager.query<{ name: string }[]>(
      `SELECT name FROM platform.tenants WHERE id = $1`,
      [tenantId],
    );
    const pdf = await renderPurchaseOrderPdf({
      order,
      supplier: supplier ?? null,
      companyName: tenant?.name ?? '',
    });
    return { no: order.no, pdf };
  }
}
