/** Eager texts of Warehousing: the route titles (the rest loads with the pages, see `page-texts.ts`). */
export const warehousingEnUS = {
  warehousing: {
    titles: {
      stock: 'Stock',
      movements: 'Movements',
      newDocument: 'New stock document',
      document: 'Stock document',
      reservations: 'Reservations',
      ageing: 'Stock ageing',
      statistics: 'Statistics',
      stocktakes: 'Stocktake',
      stocktake: 'Stocktake sheet',
      mobile: 'Mobile',
      receive: 'Scan to receive',
      issue: 'Scan to issue',
      transfer: 'Scan to transfer',
      count: 'Scan to count',
    },
  },
};
