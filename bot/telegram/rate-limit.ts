/**
 * Spaces outgoing messages to stay inside Telegram's flood limits: about one message a second in
 * one chat and at most 30 a second overall. Each call reserves the next free slot, so concurrent
 * senders queue up instead of bursting. (Replies that still meet a 429 are retried by
 * @grammyjs/auto-retry; this keeps them rare.)
 */

export interface SendLimiterOptions {
  /** Minimum gap between two messages to one chat. */
  perChatMs?: number;
  /** Overall messages a second. */
  perSecond?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SendLimiter {
  /**
   * Waits for a slot to send one message to `chatId`. With `spaceChat: false` (a direct answer to
   * the user who just wrote) only the overall limit applies, but the chat's slot is still taken.
   */
  wait(chatId: string, opts?: { spaceChat?: boolean }): Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createSendLimiter(opts: SendLimiterOptions = {}): SendLimiter {
  const perChatMs = opts.perChatMs ?? 1_000;
  // Time is cut into slots of 1/perSecond s and each message takes a slot of its own, so no second
  // ever holds more than perSecond messages, however the chats interleave.
  const slotMs = 1_000 / (opts.perSecond ?? 30);
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? realSleep;
  const chatNext = new Map<string, number>();
  const taken = new Set<number>();

  return {
    wait(chatId, { spaceChat = true } = {}) {
      const t = now();
      const earliest = spaceChat ? Math.max(t, chatNext.get(chatId) ?? 0) : t;
      let slot = Math.floor(earliest / slotMs);
      while (taken.has(slot)) slot += 1;
      taken.add(slot);
      const at = Math.max(earliest, slot * slotMs);
      chatNext.set(chatId, Math.max(chatNext.get(chatId) ?? 0, at + perChatMs));
      // Forget what is past, so both stay small.
      if (taken.size > 256) for (const s of taken) if ((s + 1) * slotMs < t) taken.delete(s);
      if (chatNext.size > 1_000) for (const [id, next] of chatNext) if (next <= t) chatNext.delete(id);
      // Under a millisecond is rounding, not a wait.
      return at - t >= 1 ? sleep(at - t) : Promise.resolve();
    },
  };
}
