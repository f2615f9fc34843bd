/**
 * Per-key serial queues: work for one key runs one at a time, in arrival order; different keys run
 * side by side. Used to keep one chat's answers in order and to space messages per channel.
 */
export interface Lanes {
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Resolves when every queued piece of work has finished. */
  idle(): Promise<void>;
}

export function createLanes(): Lanes {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, fn) {
      const previous = tails.get(key) ?? Promise.resolve();
      const current = previous.then(fn, fn);
      const settled = current.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, settled);
      void settled.then(() => {
        if (tails.get(key) === settled) tails.delete(key);
      });
      return current;
    },
    async idle() {
      while (tails.size) await Promise.all([...tails.values()]);
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
