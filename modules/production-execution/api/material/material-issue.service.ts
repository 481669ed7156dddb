import { Injectable } from '@nestjs/common';
import { MasterDataLookup } from '@mes/master-data-api';
import { InvalidStatusError, ValidationFailedError } from '@mes/platform';
import {
  Dec,
  plainDecimal,
  type ApiErrorDetail,
  type IssueMaterialsResult,
  type PickingList,
  type WorkOrderStatus,
} from '@mes/shared';
import { need, WorkOrderComponents, type IssueRequest } from '../kit/components.service';
import { NothingToIssueError, WorkOrderConflictError } from '../shared/production-execution.errors';
import { WorkOrderReader } from '../work-order/work-order.reader';
import { WORK_ORDER, type WorkOrderRow } from '../work-order/work-order.rows';
import type { TenantActor } from '../work-order/work-order.service';
import type { IssueMaterialsDto } from './material-issue.dto';

const ISSUABLE: WorkOrderStatus[] = ['released', 'in_progress', 'paused'];

/** 领料 for work orders in picking mode: the picking list and `production_issue` postings. */
@Injectable()
export class MaterialIssueService {
  constructor(
    private readonly reader: WorkOrderReader,
    private readonly components: WorkOrderComponents,
    private readonly lookup: MasterDataLookup,
  ) {}

  async pickingList(id: string): Promise<PickingList> {
    return this.list(await this.reader.row(id));
  }

  async issue(actor: TenantActor, id: string, dto: IssueMaterialsDto): Promise<IssueMaterialsResult> {
    const wo = await this.reader.lock(id);
    if (!ISSUABLE.includes(wo.status))
      throw new InvalidStatusError(WORK_ORDER, wo.status, '领料 / issue materials');
    if (wo.issue_mode !== 'picking')
      throw new WorkOrderConflictError(
        'issueMode',
        `工单 ${wo.no} 为倒冲发料，各工序报工时自动发料 / work order ${wo.no} backflushes its components with its operations' reports`,
      );
    const list = await this.list(wo);
    let requests: IssueRequest[];
    if (dto.lines) {
      const items = await this.lookup.itemsByCode(dto.lines.map((l) => l.itemCode));
      const codes = new Set(list.lines.map((l) => l.itemCode));
      const errors: ApiErrorDetail[] = [];
      requests = [];
      for (const [i, l] of dto.lines.entries()) {
        const item = items.get(l.itemCode);
        if (!item || !codes.has(l.itemCode)) {
          errors.push({
            field: `lines[${i}].itemCode`,
            message: `${l.itemCode} is not a component of ${wo.no}`,
          });
          continue;
        }
        requests.push({
          item,
          qty: new Dec(l.qty),
          field: `lines[${i}]`,
          ...(l.warehouseCode ? { warehouseCode: l.warehouseCode } : {}),
          ...(l.lot ? { lot: l.lot } : {}),
        });
      }
      if (errors.length) throw new ValidationFailedError(errors);
    } else {
      const items = await this.lookup.itemsByCode(list.lines.map((l) => l.itemCode));
      requests = list.lines.flatMap((l, i) => {
        const item = items.get(l.itemCode);
        return item && new Dec(l.remaining).gt(0)
          ? [{ item, qty: new Dec(l.remaining), field: `components[${i}]` }]
          : [];
      });
    }
    const issued = await this.components.issue(actor, wo, requests, null);
    if (!issued) throw new NothingToIssueError();
    return { docNo: issued.docNo, lines: issued.lines, pickingList: await this.list(wo) };
  }

  private async list(wo: WorkOrderRow): Promise<PickingList> {
    const item = (await this.lookup.itemsById([wo.item_id])).get(wo.item_id);
    const components = item ? await this.components.of(item) : [];
    const issued = await this.components.issued(wo.id);
    const reserved = await this.components.reserved(wo.id);
    return {
      workOrderId: wo.id,
      workOrderNo: wo.no,
      issueMode: wo.issue_mode,
      lines: components.map((c) => {
        const planned = need(c.perUnit, wo.qty);
        const done = issued.get(c.item.id) ?? new Dec(0);
        return {
          itemCode: c.item.code,
          itemName: c.item.name,
          unit: c.item.unit,
          qtyPer: plainDecimal(c.qtyPer),
          scrapRate: plainDecimal(c.scrapRate),
          planned: plainDecimal(planned),
          issued: plainDecimal(done),
          remaining: plainDecimal(Dec.max(planned.minus(done), 0)),
          reserved: plainDecimal(reserved.get(c.item.code) ?? new Dec(0)),
        };
      }),
    };
  }
}
