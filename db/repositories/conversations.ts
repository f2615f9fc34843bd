import { and, eq, gt } from 'drizzle-orm';
import type { ConversationRepository, ConversationState } from '../../core/ports.ts';
import type { Db } from '../connect.ts';
import { conversations } from '../schema.ts';

export function conversationRepository(db: Db): ConversationRepository {
  return {
    async get(userId, chatKey, now) {
      const [row] = await db
        .select()
        .from(conversations)
        .where(and(eq(conversations.userId, userId), eq(conversations.chatKey, chatKey), gt(conversations.expiresAt, now)));
      return (row?.state as ConversationState | undefined) ?? null;
    },
    async set(userId, chatKey, state, expiresAt) {
      await db
        .insert(conversations)
        .values({ userId, chatKey, state, expiresAt })
        .onConflictDoUpdate({ target: [conversations.userId, conversations.chatKey], set: { state, expiresAt } });
    },
    async clear(userId, chatKey) {
      await db.delete(conversations).where(and(eq(conversations.userId, userId), eq(conversations.chatKey, chatKey)));
    },
  };
}
