import type { RunSummary, ScenarioOutcome, ScenarioPlan } from '../../../src/report/reporters/types.ts';
import type {
  HypothesisResult,
  RunResult,
  TimelineBucket,
  WindowFigures,
} from '../../../src/report/result.ts';

const BUCKET_MS = 5000;
const BUCKETS = 60; // five simulated minutes
const OUTAGE = { fromMs: 100_000, toMs: 200_000 };

/** A timeline with a visible story: steady, an outage where requests fail and latency jumps, recovery. */
function timeline(): TimelineBucket[] {
  return Array.from({ length: BUCKETS }, (_, i) => {
    const startMs = i * BUCKET_MS;
    const down = startMs >= OUTAGE.fromMs && startMs < OUTAGE.toMs;
    const requests = 250;
    return {
      startMs,
      requests,
      succeeded: down ? 50 : 248,
      fellBack: down ? 150 : 0,
      failed: down ? 50 : 2,
      backendCalls: down ? 600 : 252,
      p50: down ? 900 : 120 + (i % 5),
      p99: down ? 2000 : 400 + 10 * (i % 7),
    };
  });
}

function windowFigures(total: number, failed: number): WindowFigures {
  return {
    requests: {
      total,
      succeeded: total - failed,
      fellBack: 0,
      failed,
      failuresByCode: failed ? { HTTP_503: failed } : {},
    },
    availability: (total - failed) / total,
    latency: { p50: 121, p90: 300, p95: 410, p99: 480, max: 2100, mean: 180 },
    inFlight: { mean: 9, max: 40 },
    backend: {
      calls: total + failed,
      reached: total,
      callsPerRequest: (total + failed) / total,
      attemptsPerRequest: { '1': total - failed, '2': failed },
    },
    cache: { hits: 0, misses: 0, coalesced: 0, lookups: 0, hitRatio: 0 },
    breaker: { openTimeMs: 60_000, openRatio: 0.2, opened: 2 },
    throughput: 50,
  };
}

export function hypothesis(over: Partial<HypothesisResult> = {}): HypothesisResult {
  return {
    name: 'availability >= 0.99',
    metric: 'availability',
    op: '>=',
    value: 0.99,
    actual: 0.995,
    pass: true,
    ...over,
  };
}

/** A phase with no faults and no policy events. */
const quiet = { faults: { injected: {} }, policyEvents: {} };

/** The hypothesis the fixture's run fails: p99 480 ms against a bound of 300. */
export function failedP99(): HypothesisResult {
  return hypothesis({
    name: 'p99 stays low',
    metric: 'latency.p99',
    op: '<',
    value: 300,
    actual: 480,
    pass: false,
  });
}

export function makeResult(over: Partial<RunResult> = {}): RunResult {
  const whole = windowFigures(15_000, 2600);
  return {
    schemaVersion: 3,
    complete: true,
    scenario: {
      name: 'outage',
      description: 'A full outage between 100 s and 200 s.',
      file: '/abs/outage.yaml',
    },
    seed: 42,
    mode: 'simulated',
    verdict: 'pass',
    durationMs: BUCKETS * BUCKET_MS,
    ...whole,
    backend: { ...whole.backend, byBackend: { primary: whole.backend.calls } },
    cache: { ...whole.cache, stale: 0 },
    breaker: {
      ...whole.breaker,
      transitions: [
        { atMs: 110_000, to: 'open' },
        { atMs: 140_000, to: 'half-open' },
        { atMs: 140_050, to: 'open' },
        { atMs: 170_000, to: 'half-open' },
        { atMs: 205_000, to: 'closed' },
      ],
    },
    faults: { injected: { network: 3000 } },
    policyEvents: { retry: 120 },
    phases: [
      { name: 'healthy', fromMs: 0, toMs: OUTAGE.fromMs, ...windowFigures(5000, 10), ...quiet },
      {
        name: 'outage',
        ...OUTAGE,
        ...windowFigures(5000, 2500),
        faults: { injected: { network: 3000 } },
        policyEvents: { retry: 120 },
      },
      {
        name: 'recovery',
        fromMs: OUTAGE.toMs,
        toMs: BUCKETS * BUCKET_MS,
        ...windowFigures(5000, 90),
        ...quiet,
      },
    ],
    timeline: { bucketMs: BUCKET_MS, buckets: timeline() },
    hypotheses: [
      hypothesis(),
      failedP99(),
      hypothesis({
        name: 'breaker spares the backend',
        metric: 'backendCallsPerRequest',
        op: '<=',
        value: 1.5,
        actual: 1.17,
        phase: 'outage',
      }),
    ],
    replay: { file: 'scenarios/outage.yaml', scenarioSha256: 'ab'.repeat(32) },
    environment: {
      startedAt: '2026-01-01T00:00:00.000Z',
      wallMs: 120,
      node: 'v20',
      platform: 'linux-x64',
      faultline: '0.1.0',
    },
    ...over,
  };
}

export function plan(over: Partial<ScenarioPlan> = {}): ScenarioPlan {
  return { file: 'scenarios/outage.yaml', name: 'outage', seed: 42, index: 0, count: 1, ...over };
}

export function outcome(result: RunResult = makeResult(), over: Partial<ScenarioPlan> = {}): ScenarioOutcome {
  return { plan: plan({ name: result.scenario.name, seed: result.seed, ...over }), result, wallMs: 250 };
}

/** Two scenarios: one passing with two hypotheses, one failing (1 of 3 failed). */
export function twoScenarioSummary(): RunSummary {
  const passing = makeResult({
    scenario: { name: 'baseline' },
    seed: 1,
    hypotheses: [
      hypothesis(),
      hypothesis({ name: 'cheap', metric: 'backendCallsPerRequest', op: '<=', value: 1.2, actual: 1.01 }),
    ],
    phases: [],
    breaker: { ...makeResult().breaker, transitions: [] },
  });
  const failing = makeResult({ verdict: 'fail' });
  return {
    outcomes: [
      outcome(passing, { index: 0, count: 2, file: 'scenarios/baseline.yaml' }),
      outcome(failing, { index: 1, count: 2 }),
    ],
    notRun: [],
    interrupted: false,
    wallMs: 600,
  };
}

/** A reporter context writing into `outDir`, collecting stdout in `written`. */
export function context(outDir: string, env: Record<string, string | undefined> = {}, isTTY = false) {
  const written: string[] = [];
  return {
    ctx: {
      outDir,
      env,
      quiet: false,
      stdout: { write: (text: string) => void written.push(text), isTTY, columns: 100 },
    },
    output: () => written.join(''),
  };
}
