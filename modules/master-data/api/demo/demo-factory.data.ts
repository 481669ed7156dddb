import type {
  CalendarDefinition,
  ItemInput,
  PartnerInput,
  RoutingInput,
  WarehouseInput,
  WorkCenterInput,
} from '@mes/shared';

/**
 * The demo tenant's factory: 演示工厂, an electric-tools maker (电动工具, the seeds' example industry) —
 * drills, angle grinders, a cordless driver, a circular saw and a rotary hammer, with their motors,
 * gearboxes, housings and the bought-in parts they are made of.
 */

const dayShift = [
  { start: '08:00', end: '12:00', name: '早班' },
  { start: '12:30', end: '16:30', name: '早班' },
];
const lateShift = [
  { start: '16:30', end: '20:30', name: '中班' },
  { start: '21:00', end: '01:00', name: '中班' },
];
const twoShifts = [...dayShift, ...lateShift];

export const DEMO_CALENDARS: { code: string; name: string; definition: CalendarDefinition }[] = [
  {
    code: 'TWO-SHIFT',
    name: '两班制（周一至周六）',
    definition: {
      timeZone: 'Asia/Shanghai',
      weekly: {
        mon: twoShifts,
        tue: twoShifts,
        wed: twoShifts,
        thu: twoShifts,
        fri: twoShifts,
        sat: twoShifts,
        sun: [],
      },
      exceptions: [
        ...['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-05', '2026-10-06', '2026-10-07'].map(
          (date) => ({
            date,
            kind: 'holiday' as const,
          }),
        ),
        { date: '2026-10-11', kind: 'workday', windows: dayShift },
        { date: '2027-01-01', kind: 'holiday' },
      ],
    },
  },
  {
    code: 'DAY-SHIFT',
    name: '单班制（周一至周五）',
    definition: {
      timeZone: 'Asia/Shanghai',
      weekly: { mon: dayShift, tue: dayShift, wed: dayShift, thu: dayShift, fri: dayShift, sat: [], sun: [] },
    },
  },
];

export const DEMO_WAREHOUSES: WarehouseInput[] = [
  {
    code: 'WH-RM',
    name: '原材料仓',
    address: '1号厂房东侧',
    locations: ['A-01', 'A-02', 'A-03', 'B-01', 'B-02', 'C-01'].map((code) => ({
      code,
      name: `${code[0]}区${code.slice(2)}货架`,
    })),
  },
  {
    code: 'WH-FG',
    name: '成品仓',
    address: '3号厂房',
    locations: ['F-01', 'F-02', 'F-03', 'F-04'].map((code) => ({ code, name: `成品${code.slice(2)}区` })),
  },
];

export const DEMO_WORK_CENTERS: WorkCenterInput[] = [
  {
    code: 'WC-STMP',
    name: '冲压机（硅钢片）',
    kind: 'machine',
    parallelCapacity: 2,
    efficiency: '0.95',
    calendarCode: 'TWO-SHIFT',
  },
  {
    code: 'WC-WIND',
    name: '自动绕线机',
    kind: 'machine',
    parallelCapacity: 4,
    efficiency: '0.9',
    calendarCode: 'TWO-SHIFT',
  },
  {
    code: 'WC-INJ',
    name: '注塑机',
    kind: 'machine',
    parallelCapacity: 3,
    efficiency: '0.92',
    calendarCode: 'TWO-SHIFT',
  },
  {
    code: 'WC-CNC',
    name: '数控车床（齿轮/轴）',
    kind: 'machine',
    parallelCapacity: 2,
    efficiency: '0.88',
    calendarCode: 'TWO-SHIFT',
  },
  {
    code: 'WC-ARM',
    name: '电机装配线',
    kind: 'line',
    parallelCapacity: 1,
    efficiency: '1',
    calendarCode: 'TWO-SHIFT',
  },
  {
    code: 'WC-ASM1',
    name: '总装一线',
    kind: 'line',
    parallelCapacity: 1,
    efficiency: '1',
    calendarCode: 'TWO-SHIFT',
  },
  {
    code: 'WC-ASM2',
    name: '总装二线',
    kind: 'line',
    parallelCapacity: 1,
    efficiency: '0.9',
    calendarCode: 'DAY-SHIFT',
  },
  {
    code: 'WC-TEST',
    name: '性能检测工位',
    kind: 'manual',
    parallelCapacity: 4,
    efficiency: '1',
    calendarCode: 'DAY-SHIFT',
  },
  {
    code: 'WC-PACK',
    name: '包装班组',
    kind: 'crew',
    parallelCapacity: 6,
    efficiency: '1',
    calendarCode: 'DAY-SHIFT',
  },
];

const make = (
  code: string,
  name: string,
  type: ItemInput['type'],
  spec: string,
  extra: Partial<ItemInput> = {},
): ItemInput => ({
  code,
  name,
  type,
  spec,
  baseUnit: '个',
  makeOrBuy: 'make',
  leadTimeDays: type === 'finished' ? 2 : 1,
  defaultWarehouseCode: type === 'finished' ? 'WH-FG' : 'WH-RM',
  ...extra,
});
const buy = (
  code: string,
  name: string,
  spec: string,
  leadTimeDays: number,
  extra: Partial<ItemInput> = {},
): ItemInput => ({
  code,
  name,
  type: 'raw',
  spec,
  baseUnit: '个',
  makeOrBuy: 'buy',
  leadTimeDays,
  defaultWarehouseCode: 'WH-RM',
  ...extra,
});

export const DEMO_ITEMS: ItemInput[] = [
  // Finished goods
  make('DRL-13', '冲击电钻', 'finished', '650W 13mm', {
    conversions: [{ unit: '箱', factor: '6' }],
    inspectionRequired: true,
    lotTracked: true,
  }),
  make('GRD-100', '角磨机', 'finished', '750W 100mm', {
    conversions: [{ unit: '箱', factor: '10' }],
    inspectionRequired: true,
    lotTracked: true,
  }),
  make('CDR-12', '锂电充电钻', 'finished', '12V 2.0Ah', {
    conversions: [{ unit: '箱', factor: '8' }],
    inspectionRequired: true,
    lotTracked: true,
  }),
  make('SAW-185', '电圆锯', 'finished', '1200W 185mm', {
    conversions: [{ unit: '箱', factor: '4' }],
    inspectionRequired: true,
    lotTracked: true,
  }),
  make('HMR-26', '电锤', 'finished', '800W 26mm', {
    conversions: [{ unit: '箱', factor: '4' }],
    inspectionRequired: true,
    lotTracked: true,
  }),
  // Sub-assemblies made in house
  make('MTR-650', '电机总成', 'semi', '650W 串激', { lotSizing: { rule: 'FOQ', qty: '200' } }),
  make('MTR-750', '电机总成', 'semi', '750W 串激', { lotSizing: { rule: 'FOQ', qty: '200' } }),
  make('MTR-1200', '电机总成', 'semi', '1200W 串激', { lotSizing: { rule: 'FOQ', qty: '100' } }),
  make('MTR-BL12', '无刷电机', 'semi', '12V 无刷'),
  make('ARM-650', '电枢', 'semi', '650W', { lotSizing: { rule: 'POQ', periods: 5 } }),
  make('ARM-750', '电枢', 'semi', '750W', { lotSizing: { rule: 'POQ', periods: 5 } }),
  make('STA-650', '定子', 'semi', '650W'),
  make('STA-750', '定子', 'semi', '750W'),
  make('GBX-13', '齿轮箱总成', 'semi', '冲击钻用'),
  make('GBX-GR', '齿轮箱总成', 'semi', '角磨机用（伞齿轮）'),
  make('GBX-HM', '冲击机构', 'semi', '电锤用 气缸式'),
  make('HSG-DRL', '机壳', 'semi', '冲击钻 ABS 注塑', {
    lotSizing: { rule: 'MINMULT', min: '500', multiple: '100' },
  }),
  make('HSG-GR', '机壳', 'semi', '角磨机 PA66 注塑', {
    lotSizing: { rule: 'MINMULT', min: '500', multiple: '100' },
  }),
  make('BAT-12', '电池包', 'semi', '12V 2.0Ah 3S1P'),
  // Bought-in parts and materials
  buy('WIR-CU05', '漆包线', 'QZ-2 Φ0.5mm', 10, {
    baseUnit: '千克',
    safetyStock: '50',
    lotTracked: true,
    lotSizing: { rule: 'FOQ', qty: '100' },
  }),
  buy('STL-SI', '硅钢片', '50W470 0.5mm', 15, { baseUnit: '千克', safetyStock: '200', lotTracked: true }),
  buy('PP-ABS', 'ABS 塑料粒子', '阻燃 V0', 7, { baseUnit: '千克', safetyStock: '100', lotTracked: true }),
  buy('PP-PA66', 'PA66 塑料粒子', '加纤 30%', 7, { baseUnit: '千克', safetyStock: '100', lotTracked: true }),
  buy('BRG-608', '深沟球轴承', '608ZZ', 5, {
    safetyStock: '1000',
    lotSizing: { rule: 'MINMULT', min: '1000', multiple: '500' },
  }),
  buy('BRG-6201', '深沟球轴承', '6201-2RS', 5, { safetyStock: '500' }),
  buy('GER-S', '钢齿轮组', '20CrMnTi 渗碳', 20, { inspectionRequired: true }),
  buy('CBN-BRS', '碳刷', '6×8×13', 10, { safetyStock: '2000' }),
  buy('SW-TRG', '调速开关', '6A 正反转', 12, { inspectionRequired: true }),
  buy('SW-GR', '角磨机开关', '8A 自锁', 12),
  buy('CBL-2M', '电源线', '2×0.75mm² 2m 国标插头', 7),
  buy('CHK-13', '钻夹头', '13mm 扳手式', 15),
  buy('SCR-M4', '螺钉', 'M4×12 十字盘头', 3, {
    safetyStock: '5000',
    lotSizing: { rule: 'FOQ', qty: '10000' },
  }),
  buy('SCR-ST', '自攻螺钉', 'ST3.5×16', 3, { safetyStock: '5000', lotSizing: { rule: 'FOQ', qty: '10000' } }),
  buy('CEL-18650', '锂电芯', '18650 2000mAh', 25, { inspectionRequired: true, lotTracked: true }),
  buy('BMS-3S', '电池保护板', '3S 20A', 14),
  buy('GRS-LI', '锂基润滑脂', '00#', 5, { baseUnit: '千克' }),
  buy('BLD-185', '锯片', '185mm 24T 硬质合金', 10),
  buy('DSC-100', '砂轮片', '100×6×16', 10),
  buy('LBL-NP', '铭牌', '铝 烫印', 5),
  buy('BOX-CLR', '彩盒', '五层瓦楞 彩印', 7),
];

export const DEMO_BOMS: { itemCode: string; lines: [string, string, string?][] }[] = [
  {
    itemCode: 'ARM-650',
    lines: [
      ['WIR-CU05', '0.18', '0.03'],
      ['STL-SI', '0.42', '0.05'],
      ['BRG-608', '2'],
    ],
  },
  {
    itemCode: 'ARM-750',
    lines: [
      ['WIR-CU05', '0.21', '0.03'],
      ['STL-SI', '0.48', '0.05'],
      ['BRG-608', '2'],
    ],
  },
  {
    itemCode: 'STA-650',
    lines: [
      ['WIR-CU05', '0.12', '0.03'],
      ['STL-SI', '0.65', '0.05'],
    ],
  },
  {
    itemCode: 'STA-750',
    lines: [
      ['WIR-CU05', '0.14', '0.03'],
      ['STL-SI', '0.72', '0.05'],
    ],
  },
  {
    itemCode: 'MTR-650',
    lines: [
      ['ARM-650', '1'],
      ['STA-650', '1'],
      ['CBN-BRS', '2', '0.01'],
      ['BRG-6201', '1'],
    ],
  },
  {
    itemCode: 'MTR-750',
    lines: [
      ['ARM-750', '1'],
      ['STA-750', '1'],
      ['CBN-BRS', '2', '0.01'],
      ['BRG-6201', '1'],
    ],
  },
  {
    itemCode: 'MTR-1200',
    lines: [
      ['ARM-750', '1'],
      ['STA-750', '1'],
      ['WIR-CU05', '0.08', '0.03'],
      ['CBN-BRS', '2', '0.01'],
      ['BRG-6201', '2'],
    ],
  },
  {
    itemCode: 'MTR-BL12',
    lines: [
      ['WIR-CU05', '0.06', '0.03'],
      ['STL-SI', '0.15', '0.05'],
      ['BRG-608', '2'],
    ],
  },
  {
    itemCode: 'GBX-13',
    lines: [
      ['GER-S', '1'],
      ['BRG-608', '1'],
      ['GRS-LI', '0.012'],
    ],
  },
  {
    itemCode: 'GBX-GR',
    lines: [
      ['GER-S', '1'],
      ['BRG-6201', '1'],
      ['GRS-LI', '0.015'],
    ],
  },
  {
    itemCode: 'GBX-HM',
    lines: [
      ['GER-S', '1'],
      ['BRG-6201', '2'],
      ['GRS-LI', '0.02'],
    ],
  },
  { itemCode: 'HSG-DRL', lines: [['PP-ABS', '0.32', '0.02']] },
  { itemCode: 'HSG-GR', lines: [['PP-PA66', '0.28', '0.02']] },
  {
    itemCode: 'BAT-12',
    lines: [
      ['CEL-18650', '3'],
      ['BMS-3S', '1'],
      ['PP-ABS', '0.06', '0.02'],
      ['SCR-ST', '4'],
    ],
  },
  {
    itemCode: 'DRL-13',
    lines: [
      ['MTR-650', '1'],
      ['GBX-13', '1'],
      ['HSG-DRL', '1'],
      ['SW-TRG', '1'],
      ['CBL-2M', '1'],
      ['CHK-13', '1'],
      ['SCR-M4', '8', '0.02'],
      ['LBL-NP', '1'],
      ['BOX-CLR', '1'],
    ],
  },
  {
    itemCode: 'GRD-100',
    lines: [
      ['MTR-750', '1'],
      ['GBX-GR', '1'],
      ['HSG-GR', '1'],
      ['SW-GR', '1'],
      ['CBL-2M', '1'],
      ['DSC-100', '1'],
      ['SCR-M4', '6', '0.02'],
      ['LBL-NP', '1'],
      ['BOX-CLR', '1'],
    ],
  },
  {
    itemCode: 'CDR-12',
    lines: [
      ['MTR-BL12', '1'],
      ['GBX-13', '1'],
      ['HSG-DRL', '1'],
      ['BAT-12', '1'],
      ['SW-TRG', '1'],
      ['CHK-13', '1'],
      ['SCR-ST', '10', '0.02'],
      ['LBL-NP', '1'],
      ['BOX-CLR', '1'],
    ],
  },
  {
    itemCode: 'SAW-185',
    lines: [
      ['MTR-1200', '1'],
      ['BLD-185', '1'],
      ['SW-GR', '1'],
      ['CBL-2M', '1'],
      ['SCR-M4', '10', '0.02'],
      ['LBL-NP', '1'],
      ['BOX-CLR', '1'],
    ],
  },
  {
    itemCode: 'HMR-26',
    lines: [
      ['MTR-750', '1'],
      ['GBX-HM', '1'],
      ['HSG-DRL', '1'],
      ['SW-TRG', '1'],
      ['CBL-2M', '1'],
      ['SCR-M4', '12', '0.02'],
      ['LBL-NP', '1'],
      ['BOX-CLR', '1'],
    ],
  },
];

const op = (
  seq: number,
  name: string,
  workCenterCode: string,
  setupMinutes: string,
  runMinutes: string,
  extra: object = {},
) => ({
  seq,
  name,
  workCenterCode,
  setupMinutes,
  runMinutes,
  queueMinutes: '30',
  moveMinutes: '10',
  ...extra,
});
const finalAssembly = (minutes: string) => [
  op(10, '总装', 'WC-ASM1', '20', minutes, {
    alternatives: [{ workCenterCode: 'WC-ASM2', runMinutes: minutes }],
    skill: '装配工',
  }),
  op(20, '性能检测', 'WC-TEST', '0', '1.5', {
    inspectionPoint: true,
    skill: '检验员',
    sopUrl: 'https://docs.example/sop/power-tool-test',
  }),
  op(30, '包装', 'WC-PACK', '0', '0.8'),
];

export const DEMO_ROUTINGS: RoutingInput[] = [
  ...['ARM-650', 'ARM-750'].map((itemCode) => ({
    itemCode,
    operations: [
      op(10, '冲片叠压', 'WC-STMP', '45', '0.6'),
      op(20, '绕线', 'WC-WIND', '30', '3.5', { skill: '绕线工' }),
      op(30, '整形动平衡', 'WC-ARM', '15', '1.2'),
    ],
  })),
  ...['STA-650', 'STA-750'].map((itemCode) => ({
    itemCode,
    operations: [
      op(10, '冲片叠压', 'WC-STMP', '45', '0.5'),
      op(20, '绕线', 'WC-WIND', '30', '2.8', { skill: '绕线工' }),
    ],
  })),
  ...['MTR-650', 'MTR-750', 'MTR-1200', 'MTR-BL12'].map((itemCode) => ({
    itemCode,
    operations: [
      op(10, '电机装配', 'WC-ARM', '20', '2.5'),
      op(20, '电机测试', 'WC-TEST', '0', '0.8', { inspectionPoint: true }),
    ],
  })),
  ...['GBX-13', 'GBX-GR', 'GBX-HM'].map((itemCode) => ({
    itemCode,
    operations: [
      op(10, '齿轮精加工', 'WC-CNC', '60', '4', { skill: '数控车工' }),
      op(20, '齿轮箱装配', 'WC-ASM2', '15', '2.2'),
    ],
  })),
  ...['HSG-DRL', 'HSG-GR'].map((itemCode) => ({
    itemCode,
    operations: [op(10, '注塑', 'WC-INJ', '90', '0.9', { skill: '注塑工' })],
  })),
  {
    itemCode: 'BAT-12',
    operations: [
      op(10, '电芯配组焊接', 'WC-ASM2', '20', '3'),
      op(20, '电池包测试', 'WC-TEST', '0', '1', { inspectionPoint: true }),
    ],
  },
  { itemCode: 'DRL-13', operations: finalAssembly('6') },
  { itemCode: 'GRD-100', operations: finalAssembly('5.5') },
  { itemCode: 'CDR-12', operations: finalAssembly('5') },
  { itemCode: 'SAW-185', operations: finalAssembly('7.5') },
  { itemCode: 'HMR-26', operations: finalAssembly('8') },
];

export const DEMO_CUSTOMERS: PartnerInput[] = [
  {
    code: 'C-NBWJ',
    name: '宁波五金工具批发有限公司',
    paymentTerms: '月结30天',
    address: '浙江省宁波市海曙区',
    contacts: [{ name: '王经理', phone: '13805740001', title: '采购经理' }],
  },
  {
    code: 'C-YWXSP',
    name: '义乌小商品城某工具商行',
    paymentTerms: '款到发货',
    address: '浙江省义乌市福田街道',
    contacts: [{ name: '陈老板', phone: '13905790002' }],
  },
  {
    code: 'C-SHGJ',
    name: '上海工具连锁超市有限公司',
    paymentTerms: '月结60天',
    address: '上海市闵行区',
    contacts: [{ name: '李主管', phone: '13601700003', email: 'buyer@shgj.example' }],
  },
  {
    code: 'C-KJDS',
    name: '杭州跨境电商贸易有限公司',
    paymentTerms: '月结45天',
    address: '浙江省杭州市滨江区',
    contacts: [{ name: 'Lucy Zhang', phone: '13757100004' }],
  },
  {
    code: 'C-DEOBI',
    name: 'OBI Baumarkt (德国)',
    paymentTerms: 'T/T 30% 预付',
    address: 'Wermelskirchen, Germany',
    contacts: [{ name: 'Jonas Weber', email: 'jonas.weber@obi.example' }],
  },
];

export const DEMO_SUPPLIERS: PartnerInput[] = [
  {
    code: 'S-JLXC',
    name: '慈溪金龙线材有限公司',
    paymentTerms: '月结30天',
    taxId: '91330282MA2A000001',
    contacts: [{ name: '周经理', phone: '13957400011' }],
  },
  {
    code: 'S-WZGG',
    name: '温州硅钢冲压件厂',
    paymentTerms: '月结30天',
    taxId: '91330300MA2A000002',
    contacts: [{ name: '黄工', phone: '13857700012' }],
  },
  {
    code: 'S-RCZC',
    name: '人本轴承经销部',
    paymentTerms: '月结60天',
    taxId: '91330300MA2A000003',
    contacts: [{ name: '吴经理', phone: '13867700013' }],
  },
  {
    code: 'S-YYSJ',
    name: '余姚塑料原料贸易公司',
    paymentTerms: '款到发货',
    taxId: '91330281MA2A000004',
    contacts: [{ name: '孙小姐', phone: '13777400014' }],
  },
  {
    code: 'S-DCNY',
    name: '某锂电芯有限公司',
    paymentTerms: '月结30天',
    taxId: '91440300MA2A000005',
    contacts: [{ name: '郑经理', phone: '13902800015' }],
  },
  {
    code: 'S-KGDQ',
    name: '乐清开关电器厂',
    paymentTerms: '月结30天',
    taxId: '91330382MA2A000006',
    contacts: [{ name: '钱工', phone: '13587700016' }],
  },
  {
    code: 'S-BCYS',
    name: '宁波包材印刷有限公司',
    paymentTerms: '月结30天',
    taxId: '91330200MA2A000007',
    contacts: [{ name: '冯经理', phone: '13805740017' }],
  },
];
