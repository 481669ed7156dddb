// The work-center form ↔ `WorkCenterInput`.
import type { WorkCenterInput, WorkCenterKind, WorkCenterView } from './api/work-center.api';
import type { Option } from './data';

export const WORK_CENTER_LIMITS = { code: 40, name: 100, parallelCapacity: 1000 } as const;

export const WORK_CENTER_KIND_OPTIONS: Option<WorkCenterKind>[] = [
  { value: 'machine', labelKey: 'masterData.workCenterKind.machine', tagType: 'primary' },
  { value: 'line', labelKey: 'masterData.workCenterKind.line', tagType: 'success' },
  { value: 'crew', labelKey: 'masterData.workCenterKind.crew', tagType: 'warning' },
  { value: 'manual', labelKey: 'masterData.workCenterKind.manual', tagType: 'info' },
];

export const WORK_CENTER_STATUS_OPTIONS: Option<WorkCenterView['status']>[] = [
  { value: 'active', labelKey: 'masterData.workCenterStatus.active', tagType: 'success' },
  { value: 'inactive', labelKey: 'masterData.workCenterStatus.inactive', tagType: 'info' },
];

export interface WorkCenterForm {
  code: string;
  name: string;
  kind: WorkCenterKind;
  parallelCapacity: number;
  /** 1 = standard speed, as typed ("0.85"). */
  efficiency: string;
  /** '' = no calendar. */
  calendarCode: string;
  status: WorkCenterView['status'];
}

export const emptyWorkCenterForm = (): WorkCenterForm => ({
  code: '',
  name: '',
  kind: 'machine',
  parallelCapacity: 1,
  efficiency: '1',
  calendarCode: '',
  status: 'active',
});

export const workCenterToForm = (w: WorkCenterView): WorkCenterForm => ({
  code: w.code,
  name: w.name,
  kind: w.kind,
  parallelCapacity: w.parallelCapacity,
  efficiency: w.efficiency,
  calendarCode: w.calendarCode ?? '',
  status: w.status,
});

/** The body: trimmed; no calendar is null (so that an update clears it). */
export function workCenterFormToInput(form: WorkCenterForm): WorkCenterInput {
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    kind: form.kind,
    parallelCapacity: form.parallelCapacity,
    efficiency: form.efficiency.trim() || '1',
    calendarCode: form.calendarCode.trim() || null,
    status: form.status,
  };
}

/** An efficiency the API accepts: a decimal with at most 4 places, above 0 and at most 10. */
export function isEfficiency(value: string): boolean {
  const v = value.trim();
  if (!/^\d{1,2}(\.\d{1,4})?$/.test(v)) return false;
  const n = Number(v);
  return n > 0 && n <= 10;
}
