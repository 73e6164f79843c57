import type { Clock } from '../clock/clock.ts';
import { isRetryable } from '../policies/classify.ts';
import type { EventSink } from '../policies/events.ts';
import type { OutlierEjectionConfig } from './load-balanced-schema.ts';

/**
 * Envoy-style outlier detection on the run's clock: `consecutiveFailures` failures in a row eject a
 * backend for `ejectionTime`, after which it is back in rotation with a clean count. A success resets
 * the count; failures outside `failOn` (a breaker's own rejection, say) neither count nor reset it.
 */
export class OutlierEjection {
  private readonly streak: number[];
  private readonly ejectedUntil: number[];

  constructor(
    private readonly names: readonly string[],
    private readonly config: OutlierEjectionConfig | undefined,
    private readonly clock: Clock,
    private readonly events: EventSink,
  ) {
    this.streak = names.map(() => 0);
    this.ejectedUntil = names.map(() => Number.NEGATIVE_INFINITY);
  }

  isEjected(index: number): boolean {
    return this.clock.now() < (this.ejectedUntil[index] ?? Number.NEGATIVE_INFINITY);
  }

  succeeded(index: number): void {
    this.streak[index] = 0;
  }

  failed(index: number, error: unknown): void {
    const config = this.config;
    if (!config || !isRetryable(error, config.failOn)) return;
    const streak = (this.streak[index] ?? 0) + 1;
    this.streak[index] = streak;
    if (streak < config.consecutiveFailures || this.isEjected(index) || !this.mayEjectAnother()) return;
    this.streak[index] = 0;
    this.ejectedUntil[index] = this.clock.now() + config.ejectionTime;
    this.events.emit({ type: 'outlier-ejected', backend: this.names[index] ?? String(index) });
  }

  private mayEjectAnother(): boolean {
    const percent = this.config?.maxEjectedPercent ?? 0;
    const allowed = Math.max(1, Math.floor((this.names.length * percent) / 100));
    let ejected = 0;
    for (let i = 0; i < this.names.length; i++) if (this.isEjected(i)) ejected++;
    return ejected < allowed;
  }
}
