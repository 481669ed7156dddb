import { Injectable } from '@nestjs/common';
import { TenantDb } from '@mes/platform';
import { Dec, plainDecimal, type ProductionSettingsView } from '@mes/shared';
import type { ProductionSettingsDto } from './production-settings.dto';

/** Per-tenant settings of the module (a row appears on the first change; defaults until then). */
@Injectable()
export class ProductionSettings {
  constructor(private readonly db: TenantDb) {}

  async get(): Promise<ProductionSettingsView> {
    return { overReportTolerance: plainDecimal(await this.overReportTolerance()) };
  }

  /** Percent an operation may report beyond its base quantity (0 by default). */
  async overReportTolerance(): Promise<Dec> {
    const [row] = await this.db.manager.query<{ t: string }[]>(
      `SELECT over_report_tolerance::text AS t FROM pe_settings`,
    );
    return new Dec(row?.t ?? 0);
  }

  async update(tenantId: string, dto: ProductionSettingsDto): Promise<ProductionSettingsView> {
    await this.db.manager.query(
      `INSERT INTO pe_settings (tenant_id, over_report_tolerance, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (tenant_id) DO UPDATE SET over_report_tolerance = EXCLUDED.over_report_tolerance,
         updated_at = EXCLUDED.updated_at`,
      [tenantId, dto.overReportTolerance],
    );
    return this.get();
  }
}
