import type { Clock } from './ports.ts';

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to: tests move time instead of sleeping. */
export class ManualClock implements Clock {
  private current: Date;
  constructor(start: Date | string) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
