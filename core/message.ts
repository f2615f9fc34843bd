import type { Platform } from './domain.ts';

/** A message or a button tap, as an adapter hands it to the core. */
export interface IncomingMessage {
  platform: Platform;
  /** The sender's id on the platform. */
  platformUserId: string;
  /** Shown name, used when the user is seen for the first time. */
  userName?: string;
  chatId: string;
  chatType: 'direct' | 'group';
  text: string;
  /** Set when the user tapped a button instead of typing. */
  action?: { name: string; value?: string };
  /** The platform's id for this delivery (Slack event id, Telegram update id): retries share it. */
  deliveryId?: string;
  /** The platform's id for the message itself, kept on what it creates. */
  messageId?: string;
  /** When the platform says the message was sent; defaults to the clock. */
  sentAt?: Date;
}
