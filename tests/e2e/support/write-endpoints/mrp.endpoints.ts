import { SOME_ID, type ModuleWriteEndpoints } from './write-endpoint';

export const mrpWriteEndpoints: ModuleWriteEndpoints = {
  moduleKey: 'mrp',
  endpoints: [
    {
      method: 'post',
      route: 'MrpSimulationController.simulate',
      path: () => '/api/v1/mrp/simulate',
      as: 'admin',
      body: true,
    },
    {
      // every field optional: `{}` starts a run, so only the malformed bodies are probed
      method: 'post',
      route: 'MrpRunController.submit',
      path: () => '/api/v1/mrp/runs',
      as: 'admin',
      body: true,
      emptyBodyValid: true,
    },
    {
      method: 'post',
      route: 'MrpPlanController.firm',
      path: () => '/api/v1/mrp/planned-orders/firm',
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'MrpForecastController.create',
      path: () => '/api/v1/mrp/forecasts',
      as: 'admin',
      body: true,
    },
    {
      method: 'put',
      route: 'MrpForecastController.replace',
      path: () => `/api/v1/mrp/forecasts/${SOME_ID}`,
      as: 'admin',
      body: true,
    },
    {
      method: 'delete',
      route: 'MrpForecastController.remove',
      path: () => '/api/v1/mrp/forecasts/not-an-id',
      as: 'admin',
      body: false,
    },
  ],
};
