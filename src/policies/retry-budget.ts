import type { Clock } from '../clock/clock.ts';
import type { RetryBudgetConfig } from './patterns-schema.ts';

/** The window is kept as this many buckets: memory stays fixed whatever the traffic. */
const BUCKETS = 10;

/**
 * Finagle's TokenRetryBudget on the run's clock: every request deposits `ratio` of a token, every
 * retry withdraws one, and `minPerSecond` × window tokens are always there; all of it over a sliding
 * window, so a retry storm drains the budget and a calm spell refills it.
 */
export class RetryBudget {
  private readonly bucketMs: number;
  private readonly deposits = new Array<number>(BUCKETS).fill(0);
  private readonly withdrawals = new Array<number>(BUCKETS).fill(0);
  private bucket = 0;
  private bucketStart = 0;

  constructor(
    private readonly config: RetryBudgetConfig,
    private readonly clock: Clock,
  ) {
    this.bucketMs = Math.max(config.window / BUCKETS, 1e-3);
  }

  /** A request arrived: it may pay for `ratio` of a retry. */
  deposit(): void {
    this.advance();
    this.deposits[this.bucket] = (this.deposits[this.bucket] ?? 0) + 1;
  }

  /** Takes one retry from the budget; false when it is spent. */
  tryWithdraw(): boolean {
    this.advance();
    if (this.balance() < 1) return false;
    this.withdrawals[this.bucket] = (this.withdrawals[this.bucket] ?? 0) + 1;
    return true;
  }

  balance(): number {
    const reserve = (this.config.minPerSecond * this.config.window) / 1000;
    return reserve + this.config.ratio * sum(this.deposits) - sum(this.withdrawals);
  }

  /** Moves to the bucket holding now, clearing those that slid out of the window on the way. */
  private advance(): void {
    const now = this.clock.now();
    const steps = Math.floor((now - this.bucketStart) / this.bucketMs);
    if (steps <= 0) return;
    for (let i = 1; i <= Math.min(steps, BUCKETS); i++) {
      const index = (this.bucket + i) % BUCKETS;
      this.deposits[index] = 0;
      this.withdrawals[index] = 0;
    }
    this.bucket = (this.bucket + steps) % BUCKETS;
    this.bucketStart += steps * this.bucketMs;
  }
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
