import { Injectable } from '@nestjs/common';
import { TenantDb, ValidationFailedError } from '@mes/platform';
import { MasterDataLookup } from '@mes/master-data-api';
import { SchedulableWorkOrders } from '@mes/production-execution-api';
import { newId, type ChangeoverSettings } from '@mes/shared';
import type { ChangeoverSettingsDto } from './changeover.dto';

/** 换型: which family each item belongs to, and the minutes to change a resource from one family to another. */
@Injectable()
export class Changeovers {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly workOrders: SchedulableWorkOrders,
  ) {}

  async get(): Promise<ChangeoverSettings> {
    const families = await this.db.manager.query<{ item_id: string; family: string }[]>(
      `SELECT item_id, family FROM sch_item_families`,
    );
    const items = await this.lookup.itemsById(families.map((f) => f.item_id));
    const changeovers = await this.db.manager.query<ChangeoverSettings['changeovers']>(
      `SELECT work_center_code AS "workCenterCode", from_family AS "fromFamily", to_family AS "toFamily", minutes
         FROM sch_changeovers ORDER BY work_center_code NULLS FIRST, from_family, to_family`,
    );
    return {
      families: families
        .map((f) => {
          const item = items.get(f.item_id);
          return { itemCode: item?.code ?? '', itemName: item?.name ?? '', family: f.family };
        })
        .sort((a, b) => a.itemCode.localeCompare(b.itemCode)),
      changeovers,
    };
  }

  async replace(tenantId: string, dto: ChangeoverSettingsDto): Promise<ChangeoverSettings> {
    const items = await this.lookup.itemsByCode(dto.families.map((f) => f.itemCode));
    const workCenters = new Set((await this.workOrders.workCenters()).map((w) => w.code));
    const problems: { field: string; message: string }[] = [];
    const seenItems = new Set<string>();
    dto.families.forEach((f, i) => {
      if (!items.has(f.itemCode))
        problems.push({ field: `families[${i}].itemCode`, message: `unknown item ${f.itemCode}` });
      if (seenItems.has(f.itemCode))
        problems.push({ field: `families[${i}].itemCode`, message: 'listed twice' });
      seenItems.add(f.itemCode);
    });
    const seenPairs = new Set<string>();
    dto.changeovers.forEach((c, i) => {
      if (c.workCenterCode !== undefined && !workCenters.has(c.workCenterCode)) {
        problems.push({
          field: `changeovers[${i}].workCenterCode`,
          message: `unknown work center ${c.workCenterCode}`,
        });
      }
      const key = `${c.workCenterCode ?? ''}\u0000${c.fromFamily}\u0000${c.toFamily}`;
      if (seenPairs.has(key)) problems.push({ field: `changeovers[${i}]`, message: 'listed twice' });
      seenPairs.add(key);
    });
    if (problems.length) throw new ValidationFailedError(problems);
    const m = this.db.manager;
    await m.query(`DELETE FROM sch_item_families`);
    await m.query(`DELETE FROM sch_changeovers`);
    if (dto.families.length) {
      await m.query(
        `INSERT INTO sch_item_families (tenant_id, item_id, family) SELECT $1, u.* FROM unnest($2::uuid[], $3::text[]) AS u`,
        [tenantId, dto.families.map((f) => items.get(f.itemCode)?.id), dto.families.map((f) => f.family)],
      );
    }
    if (dto.changeovers.length) {
      await m.query(
        `INSERT INTO sch_changeovers (tenant_id, id, work_center_code, from_family, to_family, minutes)
         SELECT $1, u.* FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[]) AS u`,
        [
          tenantId,
          dto.changeovers.map(() => newId()),
          dto.changeovers.map((c) => c.workCenterCode ?? null),
          dto.changeovers.map((c) => c.fromFamily),
          dto.changeovers.map((c) => c.toFamily),
          dto.changeovers.map((c) => c.minutes),
        ],
      );
    }
    return this.get();
  }
}
