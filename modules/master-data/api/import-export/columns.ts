import type { ImportKind } from './import-export.types';

/** One column of an import/export layout. */
export interface ColumnSpec {
  /** Canonical field name, used in error reports ("baseUnit"). */
  field: string;
  /** The header written on exports and templates (Chinese). */
  header: string;
  /** Other headers accepted on import (English names, common variants); matched after normaliseHeader. */
  aliases: readonly string[];
  /** The column must be in the file and its cells must not be blank. */
  required?: boolean;
  /**
   * A number: written to xlsx as a number cell when that is exact. Every other column is text and
   * its xlsx cells are formatted as text, so that Excel keeps "00123" as typed.
   */
  numeric?: boolean;
  /** The value shown in the template's example row. */
  example: string;
  width?: number;
}

const NUM = { numeric: true };

const col = (
  field: string,
  header: string,
  aliases: readonly string[],
  example: string,
  options: { required?: boolean; numeric?: boolean; width?: number } = {},
): ColumnSpec => ({ field, header, aliases: [field, ...aliases], example, ...options });

const minutes = (field: string, header: string, english: string, example: string, required = false) =>
  col(field, header, [english, `${header}(分钟)`, `${header}(分)`, `${header}(min)`], example, {
    required,
    numeric: true,
  });

const ITEM_COLUMNS: ColumnSpec[] = [
  col('code', '物料编码', ['item code', 'itemCode', '物料代码', '编码'], 'DRILL-13', {
    required: true,
    width: 18,
  }),
  col('name', '物料名称', ['item name', '名称', '品名'], '13mm 电钻', { required: true, width: 24 }),
  col('spec', '规格型号', ['specification', '规格', '型号'], '650W 13mm', { width: 18 }),
  col('type', '类型', ['item type', '物料类型'], '成品', { required: true }),
  col('baseUnit', '基本单位', ['base unit', 'unit', '单位', '计量单位'], '台', { required: true }),
  col('makeOrBuy', '自制外购', ['make or buy', '自制/外购', '来源'], '自制', { required: true }),
  col('leadTimeDays', '提前期(天)', ['lead time days', 'lead time', 'leadTime', '提前期'], '3', NUM),
  col('safetyStock', '安全库存', ['safety stock'], '10', NUM),
  col('lotRule', '批量规则', ['lot rule', 'lot sizing', 'lotSizing', '批量政策'], 'FOQ'),
  col('lotQty', '批量', ['lot qty', 'lot quantity', '固定批量'], '50', NUM),
  col('lotPeriods', '周期', ['lot periods', '周期(天)', '批量周期'], '', NUM),
  col('lotMin', '最小批量', ['lot min', 'min lot'], '', NUM),
  col('lotMultiple', '批量倍数', ['lot multiple'], '', NUM),
  col('lotTracked', '批次管理', ['lot tracked', '批号管理'], '是'),
  col('barcode', '条码', ['条形码'], '6901234567892', { width: 16 }),
  col('defaultWarehouseCode', '默认仓库', ['default warehouse', 'defaultWarehouse', '仓库'], '', {}),
  col('inspectionRequired', '需检验', ['inspection required', '检验'], '否'),
  col('status', '状态', [], '启用'),
  col('conversions', '单位换算', ['unit conversions'], '箱=4', { width: 16 }),
];

const BOM_LINE_COLUMNS: ColumnSpec[] = [
  col('parentCode', '父项编码', ['parent code', 'parent', '父项物料编码', '父件编码'], 'DRILL-13', {
    required: true,
    width: 18,
  }),
  col('version', '版本', ['bom version', 'BOM版本'], '1'),
  col('componentCode', '子项编码', ['component code', 'component', '子项物料编码', '子件编码'], 'MOTOR-650', {
    required: true,
    width: 18,
  }),
  col('qtyPer', '用量', ['qty per', 'quantity per', '单位用量'], '1', { required: true, numeric: true }),
  col('scrapRate', '损耗率', ['scrap rate', 'scrap'], '0.02', NUM),
  col('operationSeq', '工序号', ['operation seq', 'operation', '消耗工序'], '10', NUM),
  col('validFrom', '生效日期', ['valid from'], '', { width: 12 }),
  col('validTo', '失效日期', ['valid to'], '', { width: 12 }),
];

const ROUTING_COLUMNS: ColumnSpec[] = [
  col('itemCode', '物料编码', ['item code', 'item', 'code'], 'DRILL-13', { required: true, width: 18 }),
  col('version', '版本', ['routing version', '工艺版本'], '1'),
  col('seq', '工序号', ['operation seq', 'operationSeq', '工序'], '10', { required: true, numeric: true }),
  col('name', '工序名称', ['operation name', 'operation'], '总装', { required: true, width: 16 }),
  col('workCenterCode', '工作中心', ['work center', 'workCenter', '工作中心编码'], 'ASM-01', {
    required: true,
  }),
  minutes('setupMinutes', '准备时间', 'setup minutes', '30'),
  minutes('runMinutes', '单件工时', 'run minutes', '2.5', true),
  minutes('queueMinutes', '排队时间', 'queue minutes', '0'),
  minutes('moveMinutes', '搬运时间', 'move minutes', '0'),
  col('skill', '技能', ['技能要求'], '装配工'),
  col('inspectionPoint', '检验点', ['inspection point'], '否'),
  col('sopUrl', '作业指导书', ['sop url', 'sop'], '', { width: 24 }),
  col('alternatives', '备选工作中心', ['alternative work centers'], 'ASM-02:3', { width: 18 }),
];

const partnerColumns = (who: '客户' | '供应商', english: 'customer' | 'supplier'): ColumnSpec[] => [
  col('code', '编码', [`${who}编码`, `${english} code`], who === '客户' ? 'C001' : 'S001', {
    required: true,
    width: 14,
  }),
  col(
    'name',
    '名称',
    [`${who}名称`, `${english} name`],
    who === '客户' ? '宁波某五金工具有限公司' : '某电机厂',
    {
      required: true,
      width: 28,
    },
  ),
  col('taxId', '税号', ['tax id', '统一社会信用代码'], '91330200MA2XXXXXXX', { width: 22 }),
  col('address', '地址', [], '浙江省宁波市', { width: 28 }),
  col('paymentTerms', '付款条件', ['payment terms'], '月结30天'),
  col('contactName', '联系人', ['contact name', 'contact'], '王经理'),
  col('contactPhone', '电话', ['contact phone', 'phone', '联系电话', '手机'], '13800138000'),
  col('contactEmail', '邮箱', ['contact email', 'email', '电子邮箱'], 'wang@example.com', { width: 22 }),
  col('status', '状态', [], '启用'),
];

export const COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  items: ITEM_COLUMNS,
  'bom-lines': BOM_LINE_COLUMNS,
  routings: ROUTING_COLUMNS,
  customers: partnerColumns('客户', 'customer'),
  suppliers: partnerColumns('供应商', 'supplier'),
};

/** File names (without extension) for exports and templates. */
export const SHEET_NAMES: Record<ImportKind, { zh: string; file: string }> = {
  items: { zh: '物料', file: 'items' },
  'bom-lines': { zh: 'BOM明细', file: 'bom-lines' },
  routings: { zh: '工艺路线', file: 'routings' },
  customers: { zh: '客户', file: 'customers' },
  suppliers: { zh: '供应商', file: 'suppliers' },
};

/**
 * Headers are compared after NFKC (full-width letters and brackets become ASCII), lower-casing and
 * dropping spaces, `*` (required-column marks), `_` and `-`: "Base Unit", "base_unit", "baseUnit" and
 * "基本单位*" all match.
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*_\-\uFEFF]/g, '');
}

const LOOKUP = new Map<ImportKind, Map<string, ColumnSpec>>(
  (Object.keys(COLUMNS) as ImportKind[]).map((kind) => [
    kind,
    new Map(
      COLUMNS[kind].flatMap((spec) =>
        [spec.header, ...spec.aliases].map((alias) => [normaliseHeader(alias), spec] as const),
      ),
    ),
  ]),
);

/** The column a header names, or undefined. */
export function columnForHeader(kind: ImportKind, header: string): ColumnSpec | undefined {
  return LOOKUP.get(kind)?.get(normaliseHeader(header));
}
