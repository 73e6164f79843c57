import type { Clock } from '../clock/clock.ts';

/** Something with a deadline; the queue owns `queued`. */
export interface Deadline {
  queued: boolean;
  /** Called once, at the deadline, unless removed before. */
  expire(): void;
}

/**
 * Deadlines a fixed delay after they are added fall due in the order they were added, so one clock
 * timer, armed for the earliest, serves them all: adding and removing cost O(1) instead of a timer
 * each (timer objects are a large share of a simulated call's cost). The timer is cancelled as soon
 * as nothing is queued, so an idle queue holds no timer.
 */
/** now + (at - now) can land a rounding error short of `at`; that still counts as due. */
const FLOAT_SLACK_MS = 1e-9;

export class DeadlineQueue {
  private readonly dueAt: number[] = [];
  private readonly items: Deadline[] = [];
  private head = 0;
  private live = 0;
  private firing = false;
  private cancelTimer: (() => void) | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly delayMs: number,
  ) {}

  add(item: Deadline): void {
    const at = this.clock.now() + this.delayMs;
    item.queued = true;
    this.dueAt.push(at);
    this.items.push(item);
    this.live++;
    if (!this.cancelTimer && !this.firing) this.arm(at);
  }

  remove(item: Deadline): void {
    if (!item.queued) return;
    item.queued = false;
    this.live--;
    if (this.live === 0 && !this.firing) this.clear();
  }

  private arm(at: number): void {
    const wait = Math.max(0, at - this.clock.now());
    // Real timers are whole milliseconds: rounded up so one never fires before its deadline. Virtual
    // time is exact (a deadline at 110.7 ms fires at 110.7 ms).
    this.cancelTimer = this.clock.schedule(this.clock.kind === 'real' ? Math.ceil(wait) : wait, this.fire);
  }

  private readonly fire = (): void => {
    this.cancelTimer = undefined;
    this.firing = true;
    const now = this.clock.now();
    for (; this.head < this.items.length; this.head++) {
      const item = this.items[this.head] as Deadline;
      if (!item.queued) continue;
      if ((this.dueAt[this.head] as number) > now + FLOAT_SLACK_MS) break;
      item.queued = false;
      this.live--;
      item.expire();
    }
    this.firing = false;
    if (this.live === 0) {
      this.clear();
      return;
    }
    this.compact();
    this.arm(this.dueAt[this.head] as number);
  };

  private compact(): void {
    if (this.head < 1024 || this.head * 2 < this.items.length) return;
    this.dueAt.splice(0, this.head);
    this.items.splice(0, this.head);
    this.head = 0;
  }

  private clear(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.dueAt.length = 0;
    this.items.length = 0;
    this.head = 0;
  }
}
