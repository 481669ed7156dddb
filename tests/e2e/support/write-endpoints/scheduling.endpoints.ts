import { SOME_ID, type ModuleWriteEndpoints } from './write-endpoint';

export const schedulingWriteEndpoints: ModuleWriteEndpoints = {
  moduleKey: 'master-scheduling',
  endpoints: [
    {
      // every field optional: `{}` starts a run, so only the malformed bodies are probed
      method: 'post',
      route: 'ScheduleRunController.submit',
      path: () => '/api/v1/scheduling/runs',
      as: 'admin',
      body: true,
      emptyBodyValid: true,
    },
    {
      method: 'post',
      route: 'ScheduleRunController.cancel',
      path: () => `/api/v1/scheduling/runs/${SOME_ID}/cancel`,
      as: 'admin',
      body: false,
    },
    {
      method: 'post',
      route: 'ScheduleVersionController.move',
      path: () => `/api/v1/scheduling/versions/${SOME_ID}/operations/${SOME_ID}/move`,
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'ScheduleVersionController.lock',
      path: () => `/api/v1/scheduling/versions/${SOME_ID}/operations/${SOME_ID}/lock`,
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'ScheduleVersionController.publish',
      path: () => `/api/v1/scheduling/versions/${SOME_ID}/publish`,
      as: 'admin',
      body: false,
    },
    {
      method: 'post',
      route: 'ScheduleVersionController.whatIf',
      path: () => `/api/v1/scheduling/versions/${SOME_ID}/what-if`,
      as: 'admin',
      body: true,
    },
    {
      method: 'put',
      route: 'ChangeoverController.replace',
      path: () => '/api/v1/scheduling/changeovers',
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'ScheduleSimulationController.simulate',
      path: () => '/api/v1/scheduling/simulate',
      as: 'admin',
      body: true,
    },
  ],
};
