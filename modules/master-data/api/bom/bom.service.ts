import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { NotFoundError, TenantDb, ValidationFailedError } from '@mes/platform';
import { Dec, newId, plainDecimal, type BomTreeNode, type BomView, type WhereUsedRow } from '@mes/shared';
import { ItemEntity } from '../item/item.entity';
import { ItemService } from '../item/item.service';
import { DuplicateCodeError } from '../shared/master-data.errors';
import { UnitEntity } from '../unit/unit.entity';
import { findBomCycle } from './bom-cycle';
import type { BomLineDto, BomLinesDto, BomQueryDto, CreateBomDto } from './bom.dto';
import { BomCycleError } from './bom.errors';
import { BomLineEntity } from './bom-line.entity';
import { BomEntity } from './bom.entity';

const notFound = () => new NotFoundError('物料清单 / BOM');

interface ResolvedLine {
  line: BomLineDto;
  item: ItemEntity;
}
const MAX_LEVELS = 50;

/**
 * Multi-level, versioned BOMs (物料清单). One default version per item; order-specific copies
 * (订单BOM) carry their order. Changes to one tenant's BOM graph are serialised, and a line that
 * would close a cycle is refused with 409 BOM_CYCLE naming the cycle.
 */
@Injectable()
export class BomService {
  constructor(
    private readonly db: TenantDb,
    private readonly items: ItemService,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async list(query: BomQueryDto): Promise<{ items: BomView[]; total: number }> {
    const qb = this.m.getRepository(BomEntity).createQueryBuilder('b');
    if (query.itemCode) {
      qb.innerJoin(ItemEntity, 'i', 'i.tenant_id = b.tenant_id AND i.id = b.item_id').andWhere(
        'i.code = :code',
        { code: query.itemCode },
      );
    }
    const [rows, total] = await qb
      .orderBy('b.created_at', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.toViews(rows), total };
  }

  async get(id: string): Promise<BomView> {
    const bom = await this.m.findOneBy(BomEntity, { id });
    const [view] = bom ? await this.toViews([bom]) : [];
    if (!view) throw notFound();
    return view;
  }

  async create(tenantId: string, dto: CreateBomDto): Promise<BomView> {
    await this.lockGraph(tenantId);
    const parent = (await this.items.byCodes([dto.itemCode])).get(dto.itemCode);
    if (!parent)
      throw new ValidationFailedError([{ field: 'itemCode', message: `unknown item ${dto.itemCode}` }]);
    const lines = await this.resolveLines(parent, dto.lines);
    const version = dto.version ?? (await this.nextVersion(parent.id, ''));
    if (await this.m.existsBy(BomEntity, { itemId: parent.id, version }))
      throw new DuplicateCodeError('BOM 版本', version, 'version');
    const hasDefault = await this.m.existsBy(BomEntity, { itemId: parent.id, isDefault: true });
    const isDefault = dto.isDefault === true || !hasDefault;
    if (isDefault && hasDefault)
      await this.m.update(BomEntity, { itemId: parent.id, isDefault: true }, { isDefault: false });
    const now = new Date();
    const bom = this.m.create(BomEntity, {
      tenantId,
      id: newId(),
      itemId: parent.id,
      version,
      isDefault,
      status: 'active',
      orderRef: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.m.insert(BomEntity, bom);
    await this.insertLines(bom, lines);
    return this.get(bom.id);
  }

  /** Replaces the lines (and optionally the version name) of a BOM. */
  async replaceLines(tenantId: string, id: string, dto: BomLinesDto): Promise<BomView> {
    await this.lockGraph(tenantId);
    const bom = await this.m.findOneBy(BomEntity, { id });
    if (!bom) throw notFound();
    const parent = await this.m.findOneByOrFail(ItemEntity, { id: bom.itemId });
    const lines = await this.resolveLines(parent, dto.lines);
    if (dto.version !== undefined && dto.version !== bom.version) {
      if (await this.m.existsBy(BomEntity, { itemId: bom.itemId, version: dto.version })) {
        throw new DuplicateCodeError('BOM 版本', dto.version, 'version');
      }
      bom.version = dto.version;
    }
    bom.updatedAt = new Date();
    await this.m.save(BomEntity, bom);
    await this.m.delete(BomLineEntity, { bomId: bom.id });
    await this.insertLines(bom, lines);
    return this.get(id);
  }

  async setDefault(tenantId: string, id: string): Promise<BomView> {
    await this.lockGraph(tenantId);
    const bom = await this.m.findOneBy(BomEntity, { id });
    if (!bom) throw notFound();
    if (bom.orderRef)
      throw new ValidationFailedError([
        { field: 'id', message: 'an order-specific BOM cannot be the default' },
      ]);
    await this.m.update(BomEntity, { itemId: bom.itemId, isDefault: true }, { isDefault: false });
    await this.m.update(BomEntity, { id }, { isDefault: true, updatedAt: new Date() });
    return this.get(id);
  }

  /** An order-specific copy (订单BOM): same lines, its own version, never the default. */
  async copyForOrder(tenantId: string, id: string, orderRef: string): Promise<BomView> {
    await this.lockGraph(tenantId);
    const source = await this.m.findOneBy(BomEntity, { id });
    if (!source) throw notFound();
    const now = new Date();
    const copy = this.m.create(BomEntity, {
      tenantId,
      id: newId(),
      itemId: source.itemId,
      version: await this.nextVersion(source.itemId, 'O'),
      isDefault: false,
      status: 'active',
      orderRef,
      createdAt: now,
      updatedAt: now,
    });
    await this.m.insert(BomEntity, copy);
    const lines = await this.m.find(BomLineEntity, { where: { bomId: id }, order: { seq: 'ASC' } });
    if (lines.length)
      await this.m.insert(
        BomLineEntity,
        lines.map((l) => Object.assign(new BomLineEntity(), l, { id: newId(), bomId: copy.id })),
      );
    return this.get(copy.id);
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await this.lockGraph(tenantId);
    const result = await this.m.delete(BomEntity, { id });
    if (!result.affected) throw notFound();
  }

  /** Multi-level explosion over default BOMs; quantities per one unit of the root, scrap included. */
  async tree(itemCode: string): Promise<BomTreeNode> {
    const root = (await this.items.byCodes([itemCode])).get(itemCode);
    if (!root) throw new NotFoundError(`物料 ${itemCode} / item`);
    const rows = await this.m.query<
      {
        parent_id: string;
        version: string;
        item_id: string;
        code: string;
        name: string;
        unit: string;
        qty_per: string;
        scrap_rate: string;
      }[]
    >(
      `WITH RECURSIVE reach(item_id, depth) AS (
         SELECT $1::uuid, 0
         UNION
         SELECT l.item_id, r.depth + 1 FROM reach r
           JOIN md_boms b ON b.item_id = r.item_id AND b.is_default AND b.status = 'active'
           JOIN md_bom_lines l ON l.tenant_id = b.tenant_id AND l.bom_id = b.id
          WHERE r.depth < ${MAX_LEVELS}
       )
       SELECT b.item_id AS parent_id, b.version, l.item_id, i.code, i.name, u.code AS unit,
              l.qty_per::text AS qty_per, l.scrap_rate::text AS scrap_rate
         FROM (SELECT DISTINCT item_id FROM reach) r
         JOIN md_boms b ON b.item_id = r.item_id AND b.is_default AND b.status = 'active'
         JOIN md_bom_lines l ON l.tenant_id = b.tenant_id AND l.bom_id = b.id
         JOIN md_items i ON i.tenant_id = l.tenant_id AND i.id = l.item_id
         JOIN md_units u ON u.tenant_id = i.tenant_id AND u.id = i.base_unit_id
        ORDER BY b.item_id, l.seq`,
      [root.id],
    );
    const childrenOf = new Map<string, typeof rows>();
    for (const row of rows) childrenOf.set(row.parent_id, [...(childrenOf.get(row.parent_id) ?? []), row]);
    const versionOf = new Map(rows.map((r) => [r.parent_id, r.version]));
    const rootUnit = await this.m.findOneByOrFail(UnitEntity, { id: root.baseUnitId });
    const build = (itemId: string, level: number, total: Dec): BomTreeNode['children'] =>
      level > MAX_LEVELS
        ? []
        : (childrenOf.get(itemId) ?? []).map((row) => {
            const qty = new Dec(row.qty_per);
            const cumulative = total.times(qty).times(new Dec(1).plus(row.scrap_rate));
            return {
              itemCode: row.code,
              itemName: row.name,
              level,
              qtyPer: plainDecimal(qty),
              totalQty: plainDecimal(cumulative),
              unit: row.unit,
              bomVersion: versionOf.get(row.item_id) ?? null,
              children: build(row.item_id, level + 1, cumulative),
            };
          });
    return {
      itemCode: root.code,
      itemName: root.name,
      level: 0,
      qtyPer: '1',
      totalQty: '1',
      unit: rootUnit.code,
      bomVersion: versionOf.get(root.id) ?? null,
      children: build(root.id, 1, new Dec(1)),
    };
  }

  /** The BOMs that use an item as a component. */
  async whereUsed(itemId: string): Promise<WhereUsedRow[]> {
    if (!(await this.m.existsBy(ItemEntity, { id: itemId }))) throw new NotFoundError('物料 / item');
    const rows = await this.m.query<
      { code: string; name: string; version: string; is_default: boolean; qty_per: string }[]
    >(
      `SELECT p.code, p.name, b.version, b.is_default, l.qty_per::text AS qty_per
         FROM md_bom_lines l
         JOIN md_boms b ON b.tenant_id = l.tenant_id AND b.id = l.bom_id
         JOIN md_items p ON p.tenant_id = b.tenant_id AND p.id = b.item_id
        WHERE l.item_id = $1 ORDER BY p.code, b.version`,
      [itemId],
    );
    return rows.map((r) => ({
      parentCode: r.code,
      parentName: r.name,
      bomVersion: r.version,
      isDefault: r.is_default,
      qtyPer: plainDecimal(r.qty_per),
    }));
  }

  private async lockGraph(tenantId: string): Promise<void> {
    await this.m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [`${tenantId}:bom`]);
  }

  /** Component items by line, refusing unknown codes and lines that would close a cycle. */
  private async resolveLines(parent: ItemEntity, lines: BomLineDto[]): Promise<ResolvedLine[]> {
    const byCode = await this.items.byCodes(lines.map((l) => l.itemCode));
    const unknown = lines.flatMap((l, i) =>
      byCode.has(l.itemCode)
        ? []
        : [{ field: `lines[${i}].itemCode`, message: `unknown item ${l.itemCode}` }],
    );
    if (unknown.length) throw new ValidationFailedError(unknown);
    lines.forEach((l, i) => {
      if (l.validFrom && l.validTo && l.validTo < l.validFrom) {
        throw new ValidationFailedError([
          { field: `lines[${i}].validTo`, message: 'must not be before validFrom' },
        ]);
      }
    });
    const edges = new Map<string, string[]>();
    const rows = await this.m.query<{ parent: string; child: string }[]>(
      `SELECT DISTINCT p.code AS parent, c.code AS child
         FROM md_bom_lines l
         JOIN md_boms b ON b.tenant_id = l.tenant_id AND b.id = l.bom_id AND b.status = 'active'
         JOIN md_items p ON p.tenant_id = b.tenant_id AND p.id = b.item_id
         JOIN md_items c ON c.tenant_id = l.tenant_id AND c.id = l.item_id`,
    );
    for (const row of rows) edges.set(row.parent, [...(edges.get(row.parent) ?? []), row.child]);
    const cycle = findBomCycle(
      edges,
      parent.code,
      lines.map((l) => l.itemCode),
    );
    if (cycle) throw new BomCycleError(cycle);
    return lines.map((line) => ({ line, item: byCode.get(line.itemCode) as ItemEntity }));
  }

  private async insertLines(bom: BomEntity, lines: ResolvedLine[]): Promise<void> {
    await this.m.insert(
      BomLineEntity,
      lines.map(({ line: l, item }, i) => ({
        tenantId: bom.tenantId,
        id: newId(),
        bomId: bom.id,
        seq: (i + 1) * 10,
        itemId: item.id,
        qtyPer: new Dec(l.qtyPer),
        scrapRate: new Dec(l.scrapRate ?? '0'),
        operationSeq: l.operationSeq ?? null,
        validFrom: l.validFrom ?? null,
        validTo: l.validTo ?? null,
      })),
    );
  }

  /** "1", "2", … (or "O1", "O2", … for order copies): one more than the highest in use. */
  private async nextVersion(itemId: string, prefix: string): Promise<string> {
    const versions = await this.m.find(BomEntity, { where: { itemId }, select: { version: true } });
    const used = versions.flatMap((v) => {
      const match = new RegExp(`^${prefix}(\\d+)$`).exec(v.version);
      return match ? [Number(match[1])] : [];
    });
    return `${prefix}${Math.max(0, ...used) + 1}`;
  }

  private async toViews(boms: BomEntity[]): Promise<BomView[]> {
    if (!boms.length) return [];
    const lines = await this.m.find(BomLineEntity, {
      where: { bomId: In(boms.map((b) => b.id)) },
      order: { seq: 'ASC' },
    });
    const items = await this.m.findBy(ItemEntity, {
      id: In([...new Set([...boms.map((b) => b.itemId), ...lines.map((l) => l.itemId)])]),
    });
    const units = await this.m.find(UnitEntity);
    const itemById = new Map(items.map((i) => [i.id, i]));
    const unitCode = new Map(units.map((u) => [u.id, u.code]));
    return boms.map((b) => {
      const parent = itemById.get(b.itemId);
      return {
        id: b.id,
        itemCode: parent?.code ?? '?',
        itemName: parent?.name ?? '?',
        version: b.version,
        isDefault: b.isDefault,
        status: b.status,
        orderRef: b.orderRef,
        lines: lines
          .filter((l) => l.bomId === b.id)
          .map((l) => {
            const item = itemById.get(l.itemId);
            return {
              id: l.id,
              seq: l.seq,
              itemCode: item?.code ?? '?',
              itemName: item?.name ?? '?',
              unit: item ? (unitCode.get(item.baseUnitId) ?? '?') : '?',
              qtyPer: plainDecimal(l.qtyPer),
              scrapRate: plainDecimal(l.scrapRate),
              operationSeq: l.operationSeq,
              validFrom: l.validFrom,
              validTo: l.validTo,
            };
          }),
        createdAt: b.createdAt.toISOString(),
      };
    });
  }
}
