import { BrokenCircuitError, type IDefaultPolicyContext, type IPolicy, noop } from 'cockatiel';
import type { Clock } from '../../../src/clock/clock.ts';
import { failureFilter } from '../../../src/policies/classify.ts';
import type { EventSink } from '../../../src/policies/events.ts';
import type { BreakerConfig } from '../../../src/policies/schema.ts';
import type { LawSubject } from '../../../src/testing/index.ts';
import { stackWithBreaker } from './compose.ts';

/**
 * A hand-made consecutive breaker whose half-open state has no gate: while the probe is out, every other
 * caller goes through too, instead of waiting for the probe's verdict.
 */
class NoGateBreaker implements IPolicy<IDefaultPolicyContext> {
  declare readonly _altReturn: never;
  readonly onSuccess = noop.onSuccess;
  readonly onFailure = noop.onFailure;
  private state: 'closed' | 'open' | 'half-open' = 'closed';
  private failures = 0;
  private openedAt = 0;
  private readonly counts: (error: Error) => boolean;

  constructor(
    private readonly config: BreakerConfig,
    private readonly threshold: number,
    private readonly clock: Clock,
    private readonly events: EventSink,
  ) {
    this.counts = failureFilter(config.failOn);
  }

  async execute<T>(
    fn: (context: IDefaultPolicyContext) => PromiseLike<T> | T,
    signal?: AbortSignal,
  ): Promise<T> {
    if (this.state === 'open') {
      if (this.clock.now() - this.openedAt < this.config.halfOpenAfter) {
        this.events.emit({ type: 'breaker-rejected' });
        throw new BrokenCircuitError();
      }
      this.state = 'half-open';
      this.events.emit({ type: 'breaker-half-open' });
    }
    // The bug: a half-open breaker should let this caller through only if it is the probe.
    try {
      const value = await fn({ signal: signal ?? new AbortController().signal });
      this.failures = 0;
      if (this.state === 'half-open') this.transition('closed');
      return value;
    } catch (error) {
      if (error instanceof Error && this.counts(error)) {
        this.failures++;
        if (this.state === 'half-open' || (this.state === 'closed' && this.failures >= this.threshold)) {
          this.openedAt = this.clock.now();
          this.transition('open');
        }
      }
      throw error;
    }
  }

  private transition(to: 'open' | 'closed'): void {
    this.state = to;
    this.events.emit({ type: to === 'open' ? 'breaker-open' : 'breaker-closed' });
  }
}

export const breakerAdmitsEveryHalfOpenCaller: LawSubject = {
  name: 'breaker letting every half-open caller through',
  createClient({ attempt, deps, scenario: { policies } }) {
    const { breaker } = policies;
    if (breaker?.strategy.type !== 'consecutive')
      throw new Error('this variant models a consecutive breaker');
    const leaky = new NoGateBreaker(breaker, breaker.strategy.threshold, deps.clock, deps.events);
    return stackWithBreaker(policies, attempt, deps, leaky);
  },
};
