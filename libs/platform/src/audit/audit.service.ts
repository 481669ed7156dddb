import { Injectable } from '@nestjs/common';
import { newId } from '@mes/shared';
import { TenantDb } from '../database/tenant-db.service';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string;
  data?: Record<string, unknown>;
  actorUserId?: string | null;
}

/** Appends to the tenant's audit log inside the current tenant transaction. */
@Injectable()
export class AuditService {
  constructor(private readonly db: TenantDb) {}

  async record(tenantId: string, entry: AuditEntry): Promise<void> {
    await this.db.runInTenant(tenantId, (manager) =>
      manager.query(
        `INSERT INTO audit_events (tenant_id, id, actor_user_id, action, entity, entity_id, data)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          tenantId,
          newId(),
          entry.actorUserId ?? null,
          entry.action,
          entry.entity,
          entry.entityId ?? null,
          JSON.stringify(entry.data ?? {}),
        ],
      ),
    );
  }
}
