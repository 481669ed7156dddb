import { SOME_ID, type ModuleWriteEndpoints, type WriteEndpoint } from './write-endpoint';

const base = '/api/v1/production-execution';
const wo = `${base}/work-orders/${SOME_ID}`;

/** State changes without a body: probed on a work order that does not exist (404). */
const bodyless = (['start', 'resume', 'complete', 'close', 'cancel'] as const).map(
  (action): WriteEndpoint => ({
    method: 'post',
    route: `WorkOrderController.${action}`,
    path: () => `${wo}/${action}`,
    as: 'admin',
    body: false,
  }),
);

export const productionExecutionWriteEndpoints: ModuleWriteEndpoints = {
  moduleKey: 'production-execution',
  endpoints: [
    {
      method: 'post',
      route: 'WorkOrderController.create',
      path: () => `${base}/work-orders`,
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'WorkOrderController.fromRequest',
      path: () => `${base}/work-orders/from-request/not-an-id`,
      as: 'admin',
      body: false,
    },
    {
      method: 'put',
      route: 'WorkOrderController.update',
      path: () => wo,
      as: 'admin',
      body: true,
      emptyBodyValid: true,
    },
    {
      method: 'post',
      route: 'WorkOrderController.release',
      path: () => `${wo}/release`,
      as: 'admin',
      body: true,
      emptyBodyValid: true,
    },
    {
      method: 'post',
      route: 'WorkOrderController.pause',
      path: () => `${wo}/pause`,
      as: 'admin',
      body: true,
    },
    ...bodyless,
    {
      method: 'post',
      route: 'WorkOrderController.split',
      path: () => `${wo}/split`,
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'WorkReportController.report',
      path: () => `${wo}/reports`,
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'MaterialIssueController.issue',
      path: () => `${wo}/issue-materials`,
      as: 'admin',
      body: true,
      emptyBodyValid: true,
    },
    {
      method: 'put',
      route: 'ProductionSettingsController.update',
      path: () => `${base}/settings`,
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'OperatorController.create',
      path: () => `${base}/operators`,
      as: 'admin',
      body: true,
    },
    {
      method: 'put',
      route: 'OperatorController.update',
      path: () => `${base}/operators/${SOME_ID}`,
      as: 'admin',
      body: true,
      emptyBodyValid: true,
    },
    {
      method: 'post',
      route: 'OperatorController.identify',
      path: () => `${base}/operators/identify`,
      as: 'admin',
      body: true,
    },
  ],
};
