import { SOME_ID, type ModuleWriteEndpoints } from './write-endpoint';

export const warehousingWriteEndpoints: ModuleWriteEndpoints = {
  moduleKey: 'warehousing',
  endpoints: [
    {
      method: 'post',
      route: 'StockMovementController.create',
      path: () => '/api/v1/warehousing/movements',
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'StockMovementController.createDocument',
      path: () => '/api/v1/warehousing/documents',
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'StockReservationController.create',
      path: () => '/api/v1/warehousing/reservations',
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'StockReservationController.release',
      path: () => `/api/v1/warehousing/reservations/${SOME_ID}/release`,
      as: 'admin',
      body: false,
    },
    {
      method: 'post',
      route: 'StocktakeController.create',
      path: () => '/api/v1/warehousing/stocktakes',
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'StocktakeController.count',
      path: () => `/api/v1/warehousing/stocktakes/${SOME_ID}/counts`,
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'StocktakeController.post',
      path: () => '/api/v1/warehousing/stocktakes/not-an-id/post',
      as: 'admin',
      body: false,
    },
    {
      method: 'post',
      route: 'StocktakeController.cancel',
      path: () => `/api/v1/warehousing/stocktakes/${SOME_ID}/cancel`,
      as: 'admin',
      body: false,
    },
  ],
};
