import type { AuditRepository } from '../../core/ports.ts';
import type { Db } from '../connect.ts';
import { auditLog } from '../schema.ts';

export function auditRepository(db: Db): AuditRepository {
  return {
    async record(entry) {
      await db.insert(auditLog).values({
        actorId: entry.actorId,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId == null ? null : String(entry.entityId),
        before: entry.before ?? null,
        after: entry.after ?? null,
      });
    },
  };
}
