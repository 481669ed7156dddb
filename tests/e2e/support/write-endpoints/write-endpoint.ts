export type Who = 'none' | 'operator' | 'admin';

/** A write route the bad-input suite probes with malformed bodies and paths. */
export interface WriteEndpoint {
  method: 'post' | 'patch' | 'put' | 'delete';
  /** `Controller.handler`, as RouteAccessAudit names it. */
  route: string;
  /** A concrete path to call (ids filled in). */
  path: () => string;
  as: Who;
  /** Endpoints that take no body are probed for 404 / 4xx on bad path params only. */
  body: boolean;
  /** Every field optional (a PATCH): `{}` is a valid body there. */
  emptyBodyValid?: boolean;
}

/** A module's write routes; the suite subscribes the tenant to `moduleKey` (with dependencies) first. */
export interface ModuleWriteEndpoints {
  moduleKey: string;
  endpoints: WriteEndpoint[];
}

/** An id of the right shape that no row has. */
export const SOME_ID = '01900000-0000-7000-8000-000000000001';
