import { describe, expect, it } from 'vitest';
import { MOVEMENT_TYPES } from '@mes/shared';
import { ApiError } from '@mes/web-core';
import {
  applyFifo,
  bucketRanges,
  changedCounts,
  dayRangeToIso,
  detailTextOf,
  directionOf,
  documentFormToInput,
  documentLineErrors,
  emptyDocumentForm,
  emptyLine,
  isCount,
  isQty,
  isUnanswered,
  lineErrorsOfFilled,
  parseBuckets,
  plainQty,
  pressKey,
  reservationFormToInput,
  savedBuckets,
  saveBuckets,
  shortageOf,
  signOf,
  thisMonth,
  typeGroups,
  type DocumentForm,
} from './data';
import { routes } from './routes';

describe('warehousing web: movement types', () => {
  it('groups every hand-made type once under 入库 / 出库 / 调拨 / 调整; stocktake only in the filter', () => {
    const manual = typeGroups().flatMap((g) => g.types);
    expect(new Set(manual).size).toBe(manual.length);
    expect(manual).not.toContain('stocktake');
    expect([...manual, 'stocktake'].sort()).toEqual([...MOVEMENT_TYPES].sort());
    expect(typeGroups(true).flatMap((g) => g.types)).toContain('stocktake');
    expect(typeGroups().map((g) => g.key)).toEqual(['in', 'out', 'transfer', 'adjust']);
    expect(typeGroups()[0]?.types).toContain('purchase_receipt');
    expect(typeGroups()[1]?.types).toContain('production_issue');
  });

  it('knows which way each type moves stock', () => {
    expect(directionOf('opening')).toBe('in');
    expect(directionOf('sales_return')).toBe('in');
    expect(directionOf('scrap')).toBe('out');
    expect(directionOf('transfer')).toBe('transfer');
    expect(directionOf('adjustment')).toBe('signed');
    expect(directionOf('stocktake')).toBe('signed');
  });
});

describe('warehousing web: quantities', () => {
  it('accepts positive decimals with at most 6 decimals; signed ones only when asked', () => {
    for (const ok of ['1', '0.5', '12.345678', '007', '999999999999']) expect(isQty(ok), ok).toBe(true);
    for (const bad of ['', '0', '0.000', '-1', '1.2345678', '1e3', 'abc', '1,5', '1234567890123'])
      expect(isQty(bad), bad).toBe(false);
    expect(isQty('-2.5', true)).toBe(true);
    expect(isQty('-0', true)).toBe(false);
    expect(isCount('0')).toBe(true);
    expect(isCount('0.0')).toBe(true);
    expect(isCount('-1')).toBe(false);
    expect(isCount('')).toBe(false);
  });

  it('shows decimals without trailing zeros and tells their sign', () => {
    expect(plainQty('12.500000')).toBe('12.5');
    expect(plainQty('180.000000')).toBe('180');
    expect(plainQty('-3.000000')).toBe('-3');
    expect(plainQty('0.000000')).toBe('0');
    expect(plainQty(null)).toBe('');
    expect(signOf('-0.5')).toBe('-');
    expect(signOf('2')).toBe('+');
    expect(signOf('0.000')).toBe('');
    expect(signOf(null)).toBe('');
  });

  it('types a quantity on the keypad', () => {
    const typeKeys = (keys: string[]) => keys.reduce(pressKey, '');
    expect(typeKeys(['1', '2', '.', '5'])).toBe('12.5');
    expect(typeKeys(['.', '5'])).toBe('0.5');
    expect(typeKeys(['0', '7'])).toBe('7');
    expect(typeKeys(['1', '.', '.', '2'])).toBe('1.2');
    expect(typeKeys(['1', '2', '⌫'])).toBe('1');
    expect(typeKeys(['1', '2', 'C', '3'])).toBe('3');
    expect(typeKeys(['1', '.', '1', '2', '3', '4', '5', '6', '7'])).toBe('1.123456');
  });
});

describe('warehousing web: idempotency', () => {
  it('treats a failure without an answer (network, gateway) as unknown, a refusal as answered', () => {
    expect(isUnanswered(new ApiError(0, 'NETWORK_ERROR', 'offline'))).toBe(true);
    expect(isUnanswered(new ApiError(504, 'HTTP_504', 'gateway'))).toBe(true);
    expect(isUnanswered(new ApiError(409, 'INSUFFICIENT_STOCK', 'x'))).toBe(false);
    expect(isUnanswered(new ApiError(400, 'VALIDATION_FAILED', 'x'))).toBe(false);
  });
});

describe('warehousing web: server errors', () => {
  const short = new ApiError(
    409,
    'INSUFFICIENT_STOCK',
    '库存不足 / insufficient stock: BRG-608@WH-RM 需要 5，可用 2',
    [{ field: 'lines[1].qty', message: 'BRG-608@WH-RM: requested 5, available 2' }],
  );

  it('reads the shortage of a 409: item, requested and available', () => {
    expect(shortageOf(short)).toEqual({ item: 'BRG-608', requested: '5', available: '2' });
    expect(
      shortageOf(
        new ApiError(409, 'INSUFFICIENT_STOCK', '库存不足 / insufficient stock: X@W 需要 3，可用 1.5'),
      ),
    ).toEqual({
      item: '',
      requested: '',
      available: '1.5',
    });
    expect(shortageOf(new ApiError(400, 'VALIDATION_FAILED', 'x'))).toBeNull();
  });

  it('turns the API detail messages into i18n keys with their values', () => {
    expect(detailTextOf('unknown location Z-9 in WH-RM')).toEqual({
      key: 'warehousing.errors.detail.unknownLocation',
      params: { location: 'Z-9', warehouse: 'WH-RM' },
    });
    expect(detailTextOf('item WIR-CU05 is lot-tracked: a lot is required')?.key).toBe(
      'warehousing.errors.detail.lotRequired',
    );
    expect(detailTextOf('must be > 0')?.key).toBe('warehousing.errors.detail.qtyPositive');
    expect(detailTextOf('something new')).toBeNull();
  });

  it('puts line errors on the cells of the rows on screen, skipping blank rows', () => {
    const lines = [
      emptyLine({ itemCode: 'A', qty: '1' }),
      emptyLine(),
      emptyLine({ itemCode: 'BRG-608', qty: '5' }),
    ];
    const e = new ApiError(400, 'VALIDATION_FAILED', 'bad', [
      { field: 'lines[0].locationCode', message: 'unknown location Z in WH-RM' },
      { field: 'lines[1].lot', message: 'item BRG-608 is not lot-tracked' },
      { field: 'lines[1].lot', message: 'second message loses' },
      { field: 'warehouseCode', message: 'unknown warehouse X' },
    ]);
    expect(lineErrorsOfFilled(e, lines)).toEqual({
      0: { locationCode: 'unknown location Z in WH-RM' },
      2: { lot: 'item BRG-608 is not lot-tracked' },
    });
    expect(lineErrorsOfFilled(short, lines)).toEqual({
      2: { qty: 'BRG-608@WH-RM: requested 5, available 2' },
    });
    expect(lineErrorsOfFilled(new Error('x'), lines)).toEqual({});
  });
});

describe('warehousing web: 出入库单据 form → request', () => {
  const form = (patch: Partial<DocumentForm>): DocumentForm => ({ ...emptyDocumentForm(), ...patch });

  it('sends the filled rows trimmed, without empty optionals', () => {
    const input = documentFormToInput(
      form({
        type: 'purchase_receipt',
        warehouseCode: 'WH-RM',
        ref: ' PO-1 ',
        note: '',
        lines: [
          emptyLine({ itemCode: 'BRG-608', qty: ' 100 ', locationCode: 'B-01' }),
          emptyLine(),
          emptyLine({ itemCode: 'WIR-CU05', qty: '20', lot: ' CU-9 ', toLocationCode: 'A-02' }),
        ],
      }),
    );
    expect(input).toEqual({
      type: 'purchase_receipt',
      warehouseCode: 'WH-RM',
      ref: 'PO-1',
      lines: [
        { itemCode: 'BRG-608', qty: '100', locationCode: 'B-01' },
        { itemCode: 'WIR-CU05', qty: '20', lot: 'CU-9' },
      ],
    });
  });

  it('sends destinations for a transfer, defaulting to the same warehouse', () => {
    const input = documentFormToInput(
      form({
        type: 'transfer',
        warehouseCode: 'WH-RM',
        lines: [
          emptyLine({ itemCode: 'BRG-608', qty: '10', locationCode: 'B-01', toLocationCode: 'C-01' }),
          emptyLine({ itemCode: 'DRL-13', qty: '1', toWarehouseCode: 'WH-FG' }),
        ],
      }),
    );
    expect(input.lines).toEqual([
      {
        itemCode: 'BRG-608',
        qty: '10',
        locationCode: 'B-01',
        toWarehouseCode: 'WH-RM',
        toLocationCode: 'C-01',
      },
      { itemCode: 'DRL-13', qty: '1', toWarehouseCode: 'WH-FG' },
    ]);
  });

  it('checks rows: item, quantity (signed for adjustments), transfer to somewhere else', () => {
    const lines = [
      emptyLine({ itemCode: 'A', qty: '-1' }),
      emptyLine({ qty: '2' }),
      emptyLine(),
      emptyLine({ itemCode: 'B', qty: '1', locationCode: 'A-01', toLocationCode: 'A-01' }),
    ];
    expect(documentLineErrors(form({ type: 'receipt', warehouseCode: 'W', lines }))).toEqual([
      { qty: 'warehousing.rules.qtyInvalid' },
      { itemCode: 'warehousing.rules.itemRequired' },
      {},
      {},
    ]);
    expect(documentLineErrors(form({ type: 'adjustment', warehouseCode: 'W', lines }))[0]).toEqual({});
    expect(documentLineErrors(form({ type: 'transfer', warehouseCode: 'W', lines }))[3]).toEqual({
      toLocationCode: 'warehousing.rules.sameDestination',
    });
  });

  it('splits an outbound line over the FIFO picks', () => {
    const line = emptyLine({ itemCode: 'WIR-CU05', itemName: '漆包线', qty: '200' });
    const out = applyFifo(line, [
      {
        warehouseCode: 'WH-RM',
        locationCode: 'A-01',
        lot: 'CU-1',
        qty: '150.000000',
        available: '150',
        receivedAt: '',
      },
      {
        warehouseCode: 'WH-RM',
        locationCode: 'A-02',
        lot: 'CU-2',
        qty: '50.000000',
        available: '80',
        receivedAt: '',
      },
    ]);
    expect(out.map((l) => [l.itemCode, l.locationCode, l.lot, l.qty])).toEqual([
      ['WIR-CU05', 'A-01', 'CU-1', '150'],
      ['WIR-CU05', 'A-02', 'CU-2', '50'],
    ]);
    expect(out[0]?.key).toBe(line.key);
    expect(out[1]?.key).not.toBe(line.key);
    expect(applyFifo(line, [])).toEqual([line]);
  });
});

describe('warehousing web: reservations, stocktakes, ageing, dates', () => {
  it('sends a reservation without an empty warehouse and with partial only when asked', () => {
    expect(
      reservationFormToInput({
        itemCode: ' BRG-608 ',
        warehouseCode: '',
        qty: '5',
        demandType: 'sales_order',
        demandRef: ' SO-1/1 ',
        partial: false,
      }),
    ).toEqual({ itemCode: 'BRG-608', qty: '5', demandType: 'sales_order', demandRef: 'SO-1/1' });
    expect(
      reservationFormToInput({
        itemCode: 'A',
        warehouseCode: 'WH-RM',
        qty: '1',
        demandType: 'work_order',
        demandRef: 'WO-1',
        partial: true,
      }),
    ).toMatchObject({ warehouseCode: 'WH-RM', partial: true });
  });

  it('sends the counts that changed only', () => {
    const lines = [
      { id: 'a', countedQty: null },
      { id: 'b', countedQty: '5.000000' },
      { id: 'c', countedQty: '5.000000' },
      { id: 'd', countedQty: null },
    ];
    expect(changedCounts(lines, { a: '3', b: '5', c: '4.5', d: ' ' })).toEqual([
      { lineId: 'a', countedQty: '3' },
      { lineId: 'c', countedQty: '4.5' },
    ]);
  });

  it('parses the ageing bounds and names the buckets', () => {
    expect(parseBuckets('30, 60，90 180')).toEqual([30, 60, 90, 180]);
    expect(parseBuckets('90,30')).toEqual([30, 90]);
    for (const bad of ['', '0', '30,30', 'abc', '5000', '1.5', '1,2,3,4,5,6,7,8,9,10,11,12'])
      expect(parseBuckets(bad), bad).toBeNull();
    expect(bucketRanges([30, 60])).toEqual([
      { from: 0, to: 30 },
      { from: 31, to: 60 },
      { from: 61, to: null },
    ]);
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    expect(savedBuckets(storage)).toEqual([30, 60, 90, 180]);
    saveBuckets([7, 14], storage);
    expect(savedBuckets(storage)).toEqual([7, 14]);
  });

  it('turns a day range into [start of first day, start of the day after the last)', () => {
    const r = dayRangeToIso(['2026-11-01', '2026-11-21']);
    expect(new Date(r.from ?? '').getDate()).toBe(1);
    expect(new Date(r.to ?? '').getTime() - new Date(r.from ?? '').getTime()).toBe(21 * 24 * 3600 * 1000);
    expect(dayRangeToIso(null)).toEqual({});
    expect(thisMonth(new Date(2026, 10, 21))).toEqual(['2026-11-01', '2026-11-21']);
  });
});

describe('warehousing web: shell wiring', () => {
  it('declares a route for every menu entry, all under the module key', () => {
    expect(routes.every((r) => r.path.startsWith('/warehousing'))).toBe(true);
    expect(routes.every((r) => r.meta?.module === 'warehousing')).toBe(true);
    const paths = routes.map((r) => r.path);
    for (const p of ['stock', 'movements', 'reservations', 'ageing', 'statistics', 'stocktakes', 'mobile'])
      expect(paths).toContain(`/warehousing/${p}`);
    for (const p of ['receive', 'issue', 'transfer', 'count'])
      expect(paths).toContain(`/warehousing/mobile/${p}`);
  });
});
