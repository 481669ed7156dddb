import type { ApiErrorDetail } from '@mes/shared';
import type { BuiltProblem } from './plant-problem.builder';

/**
 * The engine names problem fields by index (`jobs[3].operations[1]`, `resources[7].windows`); a
 * planner needs the work order and operation, or the resource: `workOrders[GD20261121-0004].operations[20]`.
 */
export function describeProblemFields(
  built: BuiltProblem,
  details: readonly ApiErrorDetail[],
): ApiErrorDetail[] {
  return details.map((d) => {
    const op = /^jobs\[(\d+)\]\.operations\[(\d+)\](.*)$/.exec(d.field);
    if (op) {
      const job = built.jobs[Number(op[1])];
      const info = job?.operations[Number(op[2])];
      if (job && info) {
        return {
          field: `workOrders[${job.workOrderNo}].operations[${info.seq}]${op[3] ?? ''}`,
          message: `${job.workOrderNo} ${info.name}（${info.workCenterCode}）: ${d.message}`,
        };
      }
    }
    const res = /^resources\[(\d+)\](.*)$/.exec(d.field);
    const resource = res ? built.resources[Number(res[1])] : undefined;
    if (res && resource) return { field: `resources[${resource.code}]${res[2] ?? ''}`, message: d.message };
    return d;
  });
}
