import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpStatusError } from '../../src/errors/call-errors.ts';
import { HedgePolicy } from '../../src/policies/hedge.ts';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { recordEvents, useVirtualClock } from './helpers.ts';

const SCALE = 50;
const SHAPE = 1.2;
/** Pareto survival: P(latency > t). */
const survival = (t: number) => (t <= SCALE ? 1 : (SCALE / t) ** SHAPE);
/** The p90 of the Pareto: the hedge delay "at the p90" of "The Tail at Scale". */
const DELAY = SCALE * 10 ** (1 / SHAPE);

/** The q-quantile of a distribution given by its survival function, and its density there (for the SE). */
function quantileOf(surv: (t: number) => number, q: number): { t: number; density: number } {
  let lo = 0;
  let hi = 1e7;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (surv(mid) > 1 - q) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  const h = t * 1e-4;
  return { t, density: (surv(t - h) - surv(t + h)) / (2 * h) };
}

async function paretoRun(hedge?: { delay: number; maxHedges: number }) {
  const scenario = scenarioSchema.parse({
    name: 'hedge',
    backends: {
      primary: {
        plugin: 'mock-analysis',
        options: { latency: { type: 'pareto', scaleMs: SCALE, shape: SHAPE } },
      },
    },
    policies: hedge ? { hedge } : {},
    workload: { model: 'open', rate: 200, duration: '4m' },
  });
  return runScenario(scenario, { seed: 3 });
}

describe('hedging on a Pareto tail, against theory', () => {
  it('one hedge at the p90 cuts p99 from (50/t)^1.2 = 0.01 to S(t)·S(t − d) = 0.01, for 1 + S(d) calls', async () => {
    const plain = await paretoRun();
    const hedged = await paretoRun({ delay: DELAY, maxHedges: 1 });
    const n = hedged.requests.total;
    // Standard error of a sample p99: sqrt(p(1 − p)/n) / density at the quantile.
    const check = (measured: number, surv: (t: number) => number) => {
      const { t, density } = quantileOf(surv, 0.99);
      const se = Math.sqrt((0.99 * 0.01) / n) / density;
      expect(Math.abs(measured - t)).toBeLessThan(4 * se + 0.01 * t);
      return t;
    };
    const plainTheory = check(plain.latency.p99, survival);
    const hedgedTheory = check(hedged.latency.p99, (t) => survival(t) * survival(t - DELAY));
    expect(hedgedTheory).toBeLessThan(plainTheory / 4);
    // Each request makes a second call exactly when its first is still out at d (the loser counts too).
    const extra = survival(DELAY);
    const extraSe = Math.sqrt((extra * (1 - extra)) / n);
    expect(Math.abs(hedged.backend.callsPerRequest - (1 + extra))).toBeLessThan(4 * extraSe);
    expect(hedged.policyEvents.hedge).toBe(hedged.backend.calls - n);
  }, 60_000);

  it('cancelled losers do not count against a breaker below the hedge', async () => {
    const scenario = scenarioSchema.parse({
      name: 'hedge-breaker',
      backends: {
        primary: {
          plugin: 'mock-analysis',
          options: { latency: { type: 'pareto', scaleMs: SCALE, shape: SHAPE } },
        },
      },
      policies: {
        hedge: { delay: DELAY },
        breaker: { halfOpenAfter: '10s', strategy: { type: 'consecutive', threshold: 1 } },
        // The timeout turns the loser's cancellation into the TaskCancelledError a breaker counts.
        timeout: { after: '10s' },
      },
      workload: { model: 'open', rate: 50, duration: '1m' },
    });
    const result = await runScenario(scenario, { seed: 4 });
    expect(result.policyEvents.hedge).toBeGreaterThan(100);
    expect(result.breaker.opened).toBe(0);
    expect(result.availability).toBe(1);
  });
});

describe('HedgePolicy', () => {
  const clock = useVirtualClock();

  /** Runs one hedged call whose attempt i takes latencies[i] ms and fails when fails[i]. */
  async function hedgedCall(latencies: number[], fails: boolean[], delay: number, maxHedges: number) {
    const events = recordEvents();
    const policy = new HedgePolicy({ delay, maxHedges }, clock(), events.sink);
    const start = clock().now();
    const signals: AbortSignal[] = [];
    const call = policy.execute(async ({ signal }) => {
      const i = signals.length;
      signals.push(signal);
      await clock().sleep(latencies[i] ?? 0, signal);
      if (fails[i]) throw new HttpStatusError(503);
      return i;
    });
    const settled = call.then(
      (winner) => ({ winner, at: clock().now() - start }),
      () => ({ winner: -1, at: clock().now() - start }),
    );
    await clock().drive(settled);
    return { ...(await settled), signals, hedges: events.count('hedge') };
  }

  it('law: a hedge never answers later than its first attempt would have alone', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 3 }),
        async (latencies, fails, delay, maxHedges) => {
          const result = await hedgedCall(latencies, fails, delay, maxHedges);
          const first = latencies[0] ?? 0;
          if (!fails[0]) {
            expect(result.winner).toBeGreaterThanOrEqual(0);
            expect(result.at).toBeLessThanOrEqual(first);
          }
          // Every attempt but the winner ends with its signal aborted; none is left running.
          for (const [i, signal] of result.signals.entries())
            if (i !== result.winner && result.winner >= 0) expect(signal.aborted).toBe(true);
          expect(result.signals.length).toBeLessThanOrEqual(maxHedges + 1);
          expect(result.hedges).toBe(result.signals.length - 1);
        },
      ),
      { numRuns: 300, seed: 16 },
    );
  });

  it('with successes only, answers at min over started attempts of (i × delay + latency)', async () => {
    const result = await hedgedCall([1000, 300, 50], [false, false, false], 200, 2);
    // Attempt 1 starts at 200 and answers at 500; attempt 2 starts at 400 and answers at 450.
    expect(result).toMatchObject({ winner: 2, at: 450, hedges: 2 });
  });

  it('starts no hedge when the first attempt answers within the delay', async () => {
    const result = await hedgedCall([199], [false], 200, 3);
    expect(result).toMatchObject({ winner: 0, at: 199, hedges: 0 });
  });

  it('a failure with nothing else running starts the next attempt at once; all failing throws', async () => {
    const quickFail = await hedgedCall([10, 30], [true, false], 200, 1);
    expect(quickFail).toMatchObject({ winner: 1, at: 40, hedges: 1 });
    const allFail = await hedgedCall([10, 30], [true, true], 200, 1);
    expect(allFail).toMatchObject({ winner: -1, at: 40 });
  });
});
