export type TenantStatus = 'active' | 'suspended';

export interface TenantView {
  id: string;
  slug: string;
  name: string;
  industry: string | null;
  status: TenantStatus;
  timeZone: string;
  createdAt: string;
}

export type JobState = 'waiting' | 'active' | 'completed' | 'failed' | 'delayed' | 'unknown';

export interface JobView {
  id: string;
  queue: string;
  name: string;
  state: JobState;
  progress: number;
  attemptsMade: number;
  result: unknown;
  failedReason: string | null;
  createdAt: string;
}
