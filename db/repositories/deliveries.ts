import { and, eq } from 'drizzle-orm';
import type { DeliveryRepository } from '../../core/ports.ts';
import type { Db } from '../connect.ts';
import { processedDeliveries } from '../schema.ts';

/**
 * Idempotency lives in the database, so a retry reaching another process is caught too. Delivery
 * ids are recorded together with the sender's session (users.openMessage).
 */
export function deliveryRepository(db: Db): DeliveryRepository {
  return {
    async release(platform, deliveryId) {
      await db
        .delete(processedDeliveries)
        .where(and(eq(processedDeliveries.platform, platform), eq(processedDeliveries.deliveryId, deliveryId)));
    },
  };
}
