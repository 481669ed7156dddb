import type { ClsStore } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';
import type { Role } from '@mes/shared';

/** Who is calling: decoded from the access token (or set by a job from its payload). */
export interface Actor {
  userId: string;
  email: string;
  /** null for the platform scope (operators). */
  tenantId: string | null;
  tenantSlug: string | null;
  roles: Role[];
}

export type AfterCommitHook = () => Promise<void> | void;

export interface RequestStore extends ClsStore {
  requestId?: string;
  actor?: Actor;
  /** The transaction of this request or job, with app.tenant_id set. */
  tx?: EntityManager;
  tenantId?: string;
  afterCommit?: AfterCommitHook[];
}
