import type { FaultDecider, FaultOf, PhaseWindow } from '../decider.ts';
import { toEffectFailure } from '../failure.ts';

/**
 * Error probability and added latency move linearly from `from` at the phase start to `to` at its end.
 * An open-ended phase has no end to ramp towards, so it stays at `from`.
 */
export function degradationDecider(fault: FaultOf<'degradation'>, window: PhaseWindow): FaultDecider {
  const failure = toEffectFailure(fault.failure);
  const { errorRate, latencyMs } = fault;
  const span = window.toMs !== undefined && window.toMs > window.fromMs ? window.toMs - window.fromMs : 0;
  const progressAt = (nowMs: number) => (span > 0 ? (nowMs - window.fromMs) / span : 0);
  return {
    addsDelay: latencyMs !== undefined,
    apply(nowMs, rng, draft) {
      const progress = progressAt(nowMs);
      let fired = false;
      if (latencyMs) {
        const ms = lerp(latencyMs.from, latencyMs.to, progress);
        if (ms > 0) {
          draft.delayMs += ms;
          fired = true;
        }
      }
      if (errorRate && draft.failure === undefined) {
        if (rng.chance(lerp(errorRate.from, errorRate.to, progress))) {
          draft.failure = failure;
          fired = true;
        }
      }
      return fired;
    },
  };
}

function lerp(from: number, to: number, progress: number): number {
  return from + (to - from) * progress;
}
