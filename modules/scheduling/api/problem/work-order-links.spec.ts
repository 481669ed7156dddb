import {
  peggedComponentItems,
  workOrderLinks,
  type PeggingBomLine,
  type PeggingJob,
} from './work-order-links';

const job = (
  index: number | null,
  no: string,
  itemCode: string,
  qty: string,
  extra: Partial<PeggingJob> = {},
) => ({
  index,
  no,
  itemCode,
  qty,
  dueDate: null,
  priority: 0,
  ...extra,
});
const line = (parent: string, child: string, qtyPer: string, scrapRate = '0'): PeggingBomLine => ({
  parent,
  child,
  qtyPer,
  scrapRate,
});

describe('workOrderLinks (pegging child work orders to their parents)', () => {
  it('links one child work order to the parent that consumes its item', () => {
    const jobs = [job(0, 'WO-P', 'TOP', '10', { dueDate: '2030-01-05' }), job(1, 'WO-C', 'SUB', '20')];
    expect(workOrderLinks(jobs, [line('TOP', 'SUB', '2')])).toEqual([
      { before: 1, after: 0, childNo: 'WO-C', parentNo: 'WO-P', qty: '20' },
    ]);
  });

  it('pegs parents in due-date order: the child runs out before the second parent', () => {
    const jobs = [
      job(0, 'WO-P2', 'TOP', '10', { dueDate: '2030-01-09' }),
      job(1, 'WO-P1', 'TOP', '10', { dueDate: '2030-01-05' }),
      job(2, 'WO-P3', 'TOP', '1'),
      job(3, 'WO-C', 'SUB', '20'),
    ];
    // P1 (earliest) needs 20 = all of it; P2 and P3 (no due date, last) get nothing.
    expect(workOrderLinks(jobs, [line('TOP', 'SUB', '2')])).toEqual([
      { before: 3, after: 1, childNo: 'WO-C', parentNo: 'WO-P1', qty: '20' },
    ]);
  });

  it('orders parents with the same due date by priority (larger first), then by number', () => {
    const jobs = [
      job(0, 'WO-A', 'TOP', '5', { dueDate: '2030-01-05' }),
      job(1, 'WO-B', 'TOP', '5', { dueDate: '2030-01-05', priority: 3 }),
      job(2, 'WO-C', 'TOP', '5', { dueDate: '2030-01-05' }),
      job(3, 'WO-S', 'SUB', '7'),
    ];
    expect(workOrderLinks(jobs, [line('TOP', 'SUB', '1')])).toEqual([
      { before: 3, after: 1, childNo: 'WO-S', parentNo: 'WO-B', qty: '5' },
      { before: 3, after: 0, childNo: 'WO-S', parentNo: 'WO-A', qty: '2' },
    ]);
  });

  it('raises the need by the scrap rate', () => {
    const jobs = [
      job(0, 'WO-P1', 'TOP', '10', { dueDate: '2030-01-05' }),
      job(1, 'WO-P2', 'TOP', '10', { dueDate: '2030-01-06' }),
      job(2, 'WO-C', 'SUB', '21'),
    ];
    // Without scrap P1 needs 20 and 1 is left for P2; with 10 % it needs 22 and takes all 21.
    expect(workOrderLinks(jobs, [line('TOP', 'SUB', '2')]).map((l) => [l.parentNo, l.qty])).toEqual([
      ['WO-P1', '20'],
      ['WO-P2', '1'],
    ]);
    expect(workOrderLinks(jobs, [line('TOP', 'SUB', '2', '0.1')])).toEqual([
      { before: 2, after: 0, childNo: 'WO-C', parentNo: 'WO-P1', qty: '21' },
    ]);
  });

  it('covers one parent with two child work orders, earliest due first, and counts only what is left', () => {
    const jobs = [
      job(0, 'WO-P', 'TOP', '10', { dueDate: '2030-01-05' }),
      job(1, 'WO-C2', 'SUB', '50', { dueDate: '2030-01-04' }),
      job(2, 'WO-C1', 'SUB', '50', { dueDate: '2030-01-03', supplyQty: '12' }),
      job(3, 'WO-C3', 'SUB', '50', { dueDate: '2030-01-06' }),
    ];
    expect(workOrderLinks(jobs, [line('TOP', 'SUB', '2')])).toEqual([
      { before: 2, after: 0, childNo: 'WO-C1', parentNo: 'WO-P', qty: '12' },
      { before: 1, after: 0, childNo: 'WO-C2', parentNo: 'WO-P', qty: '8' },
    ]);
  });

  it('sums lines of the same component and does not link unrelated items', () => {
    const jobs = [
      job(0, 'WO-P', 'TOP', '10'),
      job(1, 'WO-X', 'OTHER', '100'),
      job(2, 'WO-C', 'SUB', '100'),
      job(3, 'WO-Q', 'LONE', '5'),
    ];
    expect(
      workOrderLinks(jobs, [line('TOP', 'SUB', '2'), line('TOP', 'SUB', '1'), line('TOP', 'BOLT', '4')]),
    ).toEqual([{ before: 2, after: 0, childNo: 'WO-C', parentNo: 'WO-P', qty: '30' }]);
    expect(workOrderLinks(jobs, [])).toEqual([]);
  });

  it('links a multi-level chain A ← B ← C without a cycle', () => {
    const jobs = [job(0, 'WO-A', 'A', '5'), job(1, 'WO-B', 'B', '10'), job(2, 'WO-C', 'C', '30')];
    const links = workOrderLinks(jobs, [line('A', 'B', '2'), line('B', 'C', '3')]);
    expect(links).toEqual([
      { before: 1, after: 0, childNo: 'WO-B', parentNo: 'WO-A', qty: '10' },
      { before: 2, after: 1, childNo: 'WO-C', parentNo: 'WO-B', qty: '30' },
    ]);
  });

  it('leaves out a link that would close a BOM cycle', () => {
    const jobs = [job(0, 'WO-A', 'A', '1'), job(1, 'WO-B', 'B', '1')];
    // Component A first (code order): A feeds B; B feeding A would close the cycle.
    expect(workOrderLinks(jobs, [line('A', 'B', '1'), line('B', 'A', '1')])).toEqual([
      { before: 0, after: 1, childNo: 'WO-A', parentNo: 'WO-B', qty: '1' },
    ]);
  });

  it('pegs jobs outside the problem and started parents, but links neither', () => {
    const jobs = [
      job(null, 'WO-P0', 'TOP', '5', { dueDate: '2030-01-01' }),
      job(0, 'WO-P1', 'TOP', '5', { dueDate: '2030-01-02', fixedStart: true }),
      job(1, 'WO-P2', 'TOP', '5', { dueDate: '2030-01-03' }),
      job(2, 'WO-C', 'SUB', '12'),
    ];
    // 5 to P0 (not scheduled), 5 to P1 (already started), the 2 left to P2.
    expect(workOrderLinks(jobs, [line('TOP', 'SUB', '1')])).toEqual([
      { before: 2, after: 1, childNo: 'WO-C', parentNo: 'WO-P2', qty: '2' },
    ]);
  });

  describe('netting stock before child work orders', () => {
    const bom = [line('TOP', 'SUB', '2')];

    it('links no parent whose need free stock covers', () => {
      const jobs = [job(0, 'WO-P', 'TOP', '10', { dueDate: '2030-01-05' }), job(1, 'WO-C', 'SUB', '20')];
      expect(workOrderLinks(jobs, bom, new Map([['SUB', '20']]))).toEqual([]);
      expect(workOrderLinks(jobs, bom, new Map([['SUB', '25']]))).toEqual([]);
    });

    it('links a partly covered parent for the rest only, leaving the child for the next parent', () => {
      const jobs = [
        job(0, 'WO-P1', 'TOP', '10', { dueDate: '2030-01-05' }),
        job(1, 'WO-P2', 'TOP', '10', { dueDate: '2030-01-06' }),
        job(2, 'WO-C', 'SUB', '20'),
      ];
      // P1 needs 20: 15 from stock, 5 from C; P2 takes the 15 C has left. Without stock P1 takes all 20.
      expect(workOrderLinks(jobs, bom, new Map([['SUB', '15']]))).toEqual([
        { before: 2, after: 0, childNo: 'WO-C', parentNo: 'WO-P1', qty: '5' },
        { before: 2, after: 1, childNo: 'WO-C', parentNo: 'WO-P2', qty: '15' },
      ]);
      expect(workOrderLinks(jobs, bom).map((l) => [l.parentNo, l.qty])).toEqual([['WO-P1', '20']]);
    });

    it('gives the stock to parents in pegging order, not-scheduled and started parents included', () => {
      const jobs = [
        job(null, 'WO-P0', 'TOP', '5', { dueDate: '2030-01-01' }),
        job(0, 'WO-P1', 'TOP', '5', { dueDate: '2030-01-02', fixedStart: true }),
        job(1, 'WO-P2', 'TOP', '5', { dueDate: '2030-01-03' }),
        job(2, 'WO-C', 'SUB', '10'),
      ];
      // Each needs 10. 20 in stock: P0 and P1 take it; P2 takes 10 of C.
      expect(workOrderLinks(jobs, bom, new Map([['SUB', '20']]))).toEqual([
        { before: 2, after: 1, childNo: 'WO-C', parentNo: 'WO-P2', qty: '10' },
      ]);
      // 15: P0 10, P1 5 (and 5 of C, no link: started); P2 the 5 C has left.
      expect(workOrderLinks(jobs, bom, new Map([['SUB', '15']]))).toEqual([
        { before: 2, after: 1, childNo: 'WO-C', parentNo: 'WO-P2', qty: '5' },
      ]);
      // 10: P0 all of it, P1 all of C; nothing left for P2.
      expect(workOrderLinks(jobs, bom, new Map([['SUB', '10']]))).toEqual([]);
    });

    it('uses the remaining needs of a parent (issued or reserved to it) instead of the BOM rule', () => {
      const jobs = [
        job(0, 'WO-P1', 'TOP', '10', { dueDate: '2030-01-05', needs: new Map() }),
        job(1, 'WO-P2', 'TOP', '10', { dueDate: '2030-01-06', needs: new Map([['SUB', '4']]) }),
        job(2, 'WO-P3', 'TOP', '10', { dueDate: '2030-01-07' }),
        job(3, 'WO-C', 'SUB', '30'),
      ];
      // P1's components are all reserved or issued: no link. P2 still needs 4, P3 (BOM rule) 20.
      expect(workOrderLinks(jobs, bom)).toEqual([
        { before: 3, after: 1, childNo: 'WO-C', parentNo: 'WO-P2', qty: '4' },
        { before: 3, after: 2, childNo: 'WO-C', parentNo: 'WO-P3', qty: '20' },
      ]);
      // A remaining need of 0 stays 0 whatever the stock.
      expect(
        workOrderLinks(
          [job(0, 'WO-P', 'TOP', '10', { needs: new Map([['SUB', '0']]) }), job(1, 'WO-C', 'SUB', '5')],
          bom,
          new Map([['SUB', '0']]),
        ),
      ).toEqual([]);
    });

    it('nets per component: stock of one item does not cover another', () => {
      const jobs = [job(0, 'WO-P', 'TOP', '10'), job(1, 'WO-C', 'SUB', '20'), job(2, 'WO-B', 'BOLT', '40')];
      expect(
        workOrderLinks(jobs, [line('TOP', 'SUB', '2'), line('TOP', 'BOLT', '4')], new Map([['SUB', '100']])),
      ).toEqual([{ before: 2, after: 0, childNo: 'WO-B', parentNo: 'WO-P', qty: '40' }]);
    });
  });

  it('names the component items that could carry a link (stock is looked up for these only)', () => {
    const jobs = [
      job(0, 'WO-P', 'TOP', '10'),
      job(1, 'WO-C', 'SUB', '20'),
      job(2, 'WO-D', 'DONE', '20', { supplyQty: '0' }),
      job(3, 'WO-X', 'OTHER', '1'),
    ];
    expect(
      peggedComponentItems(jobs, [
        line('TOP', 'SUB', '2'),
        line('TOP', 'DONE', '1'),
        line('TOP', 'BOLT', '4'),
        line('NOBODY', 'OTHER', '1'),
        line('TOP', 'OTHER', '0'),
      ]),
    ).toEqual(['SUB']);
  });
});
